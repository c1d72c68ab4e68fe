import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Clock } from '../../infra/clock';
import type { AuditService } from '../audit';
import type { UserRepository, UserRow } from '../accounts';
import { AuthError } from './auth.errors';
import type { PasskeyRow } from './auth.table';
import type { PasskeyRepository } from './passkey.repository';
import { isUuid } from '../../graphql/ids';

const CHALLENGE_TTL_MS = 5 * 60_000;

export interface RelyingParty {
  name: string;
  /** Configured id and origins; without them the request's Origin decides (development only). */
  id?: string;
  origins: string[];
  /** False in production: an unconfigured relying party disables passkeys, never trusts Origin. */
  allowRequestOrigin: boolean;
}

export interface PasskeyChallengeResult {
  challengeId: string;
  optionsJson: string;
}

/** WebAuthn passkeys: register, list, remove and sign in. Challenges live in the database. */
export class PasskeyService {
  constructor(
    private readonly deps: {
      repository: PasskeyRepository;
      users: UserRepository;
      audit: AuditService;
      clock: Clock;
      relyingParty: RelyingParty;
    },
  ) {}

  async startRegistration(
    userId: string,
    origin: string | undefined,
  ): Promise<PasskeyChallengeResult> {
    const rp = this.relyingParty(origin);
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    const existing = await this.deps.repository.listOfUser(user.id);
    const options = await generateRegistrationOptions({
      rpName: this.deps.relyingParty.name,
      rpID: rp.id,
      userName: user.email,
      userDisplayName: user.name,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((key) => ({ id: key.id, transports: key.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    return this.saveChallenge(options.challenge, 'registration', user.id, options);
  }

  async finishRegistration(
    userId: string,
    input: { challengeId: string; responseJson: string; name: string; origin: string | undefined },
    ip: string,
  ): Promise<PasskeyRow> {
    const rp = this.relyingParty(input.origin);
    const challenge = isUuid(input.challengeId)
      ? await this.deps.repository.takeChallenge(
          input.challengeId,
          'registration',
          userId,
          this.deps.clock.now(),
        )
      : null;
    if (!challenge) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    const verification = await verifyRegistrationResponse({
      response: parseJson<RegistrationResponseJSON>(input.responseJson),
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
    }).catch(() => undefined);
    if (!verification?.verified) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    const { credential } = verification.registrationInfo;
    const row = await this.deps.repository.insert({
      id: credential.id,
      userId,
      name: input.name.trim().slice(0, 100) || 'Passkey',
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: this.deps.clock.now(),
      lastUsedAt: null,
    });
    await this.deps.audit.record({
      event: 'passkey.added',
      userId,
      ip,
      details: { passkeyId: row.id },
    });
    return row;
  }

  list(userId: string): Promise<PasskeyRow[]> {
    return this.deps.repository.listOfUser(userId);
  }

  async remove(userId: string, id: string, ip: string): Promise<void> {
    if (!(await this.deps.repository.remove(id, userId))) throw new AuthError('PASSKEY_NOT_FOUND');
    await this.deps.audit.record({
      event: 'passkey.removed',
      userId,
      ip,
      details: { passkeyId: id },
    });
  }

  async startSignIn(origin: string | undefined): Promise<PasskeyChallengeResult> {
    const rp = this.relyingParty(origin);
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      userVerification: 'preferred',
    });
    return this.saveChallenge(options.challenge, 'authentication', null, options);
  }

  /** The account whose passkey answered the challenge. */
  async finishSignIn(input: {
    challengeId: string;
    responseJson: string;
    origin: string | undefined;
  }): Promise<UserRow> {
    const rp = this.relyingParty(input.origin);
    const now = this.deps.clock.now();
    const challenge = isUuid(input.challengeId)
      ? await this.deps.repository.takeChallenge(input.challengeId, 'authentication', null, now)
      : null;
    const response = parseJson<AuthenticationResponseJSON>(input.responseJson);
    const passkey =
      challenge && typeof response.id === 'string'
        ? await this.deps.repository.find(response.id)
        : null;
    if (!challenge || !passkey) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: Buffer.from(passkey.publicKey, 'base64url'),
        counter: passkey.counter,
        transports: passkey.transports,
      },
    }).catch(() => undefined);
    if (!verification?.verified) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    await this.deps.repository.recordUse(
      passkey.id,
      verification.authenticationInfo.newCounter,
      now,
    );
    const user = await this.deps.users.findById(passkey.userId);
    if (!user) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    return user;
  }

  private async saveChallenge(
    challenge: string,
    purpose: 'registration' | 'authentication',
    userId: string | null,
    options: object,
  ): Promise<PasskeyChallengeResult> {
    const id = randomUUID();
    const expiresAt = new Date(this.deps.clock.now().getTime() + CHALLENGE_TTL_MS);
    await this.deps.repository.insertChallenge({ id, userId, purpose, challenge, expiresAt });
    return { challengeId: id, optionsJson: JSON.stringify(options) };
  }

  /** Whether passkeys can be used here (a configured relying party, or the request's origin). */
  get isAvailable(): boolean {
    const configured = this.deps.relyingParty;
    return Boolean(configured.id) || configured.allowRequestOrigin;
  }

  private relyingParty(origin: string | undefined): { id: string; origins: string[] } {
    const configured = this.deps.relyingParty;
    if (configured.id) return { id: configured.id, origins: configured.origins };
    if (!configured.allowRequestOrigin) throw new AuthError('PASSKEYS_NOT_CONFIGURED');
    if (!origin) throw new AuthError('PASSKEY_VERIFICATION_FAILED');
    return {
      id: new URL(origin).hostname,
      origins: configured.origins.length > 0 ? configured.origins : [origin],
    };
  }
}

function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new AuthError('PASSKEY_VERIFICATION_FAILED');
  }
}
