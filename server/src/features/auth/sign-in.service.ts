import type { RateLimiters } from '../../infra/auth/rate-limiter';
import { AccessError } from '../../graphql/scopes';
import type { Clock } from '../../infra/clock';
import type { Viewer } from '../../graphql/context';
import type { AuditService } from '../audit';
import {
  AccountError,
  type AccountDataService,
  type AccountService,
  type PasswordService,
  type Registration,
  type UserRow,
} from '../accounts';
import type { GoogleIdentityVerifier } from './google-identity';
import type { PasskeyService } from './passkey.service';
import type { SessionService, SessionTokens } from './session.service';

/** Without a password, deleting an account needs a sign-in this recent. */
const RECENT_SIGN_IN_MS = 5 * 60_000;

export interface GoogleProfileDefaults {
  currency: string;
  country: string;
  timeZone: string;
  locale: string;
}

/** What a sign-up may carry besides the profile: an invite code and the device's id. */
export interface SignUpExtras {
  referralCode?: string | null;
  deviceId?: string | null;
}

/** What sign-up asks of the referrals feature (wired in the container). */
export interface SignUpReferrals {
  /** The referral a code names; throws a typed error for an unknown code. */
  checkCode(code: string | null | undefined): Promise<{ referrerId: string; code: string } | null>;
  recordSignUp(
    userId: string,
    referral: { referrerId: string; code: string } | null,
    deviceId: string | null,
  ): Promise<void>;
}

/** The use cases that prove who someone is and start, replace or end their sessions. */
export interface SignInOptions {
  googleClientId: string | null;
  passkeys: boolean;
}

export class SignInService {
  constructor(
    private readonly deps: {
      accounts: AccountService;
      passwords: PasswordService;
      data: AccountDataService;
      sessions: SessionService;
      google: GoogleIdentityVerifier;
      passkeys: PasskeyService;
      audit: AuditService;
      clock: Clock;
      rateLimiters: RateLimiters;
      /** ADMIN_EMAILS, lower-cased: these people are made admins when they sign up or sign in. */
      adminEmails: readonly string[];
      /** Mails the new account a link to verify its address (the email feature). */
      emailVerification?: { sendVerification(user: UserRow): Promise<void> };
      /** Invite codes at sign-up; without it codes are ignored. */
      referrals?: SignUpReferrals;
    },
  ) {}

  /**
   * Every anonymous mutation spends from one per-IP budget, whatever e-mail or token it names, so
   * one address cannot spray sign-ins across many accounts or fill tables with challenges.
   */
  /** How a person can sign in on this server (for the sign-in screen). */
  options(): SignInOptions {
    return { googleClientId: this.deps.google.clientId, passkeys: this.deps.passkeys.isAvailable };
  }

  async guardAnonymous(ip: string): Promise<void> {
    const limit = await this.deps.rateLimiters.consume('anonymous', ip);
    if (!limit.allowed) throw new AccessError('RATE_LIMITED', { retryAfter: limit.retryAfterS });
  }

  async register(input: Registration & SignUpExtras, ip: string): Promise<SessionTokens> {
    // An unknown code is refused before the account exists, so the person can fix it and retry.
    const referral = (await this.deps.referrals?.checkCode(input.referralCode)) ?? null;
    const user = await this.deps.accounts.register(input, ip);
    await this.deps.referrals?.recordSignUp(user.id, referral, input.deviceId ?? null);
    await this.deps.emailVerification?.sendVerification(user);
    const deviceToken = await this.deps.passwords.rememberDevice(user);
    return { ...(await this.start(user, ip)), deviceToken };
  }

  /** A password sign-in; `deviceToken` is the proof this device was given at an earlier one. */
  async login(
    email: string,
    password: string,
    ip: string,
    deviceToken?: string,
  ): Promise<SessionTokens> {
    const { user, knownDevice } = await this.deps.passwords.verifyCredentials(
      email,
      password,
      ip,
      deviceToken,
    );
    const kept = await this.deps.passwords.rememberDevice(
      user,
      knownDevice && deviceToken ? { token: deviceToken } : undefined,
    );
    return { ...(await this.start(user, ip)), deviceToken: kept };
  }

  /** Changes the password, ends every session and token at once, and starts a fresh session here. */
  async changePassword(
    viewer: Viewer,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<SessionTokens> {
    const user = await this.deps.accounts.getUser(viewer.userId);
    await this.deps.passwords.changePassword(user, currentPassword, newPassword, ip);
    await this.deps.sessions.revokeAll(user.id, { personalAccessTokens: true });
    return this.deps.sessions.start(await this.deps.accounts.getUser(user.id));
  }

  async resetPassword(token: string, newPassword: string, ip: string): Promise<void> {
    const user = await this.deps.passwords.resetPassword(token, newPassword, ip);
    await this.deps.sessions.revokeAll(user.id, { personalAccessTokens: true });
  }

  /** Needs the password again (or, for accounts without one, a sign-in in the last 5 minutes). */
  async deleteAccount(viewer: Viewer, password: string | null): Promise<void> {
    const user = await this.deps.accounts.getUser(viewer.userId);
    if (user.passwordHash) {
      await this.deps.passwords.confirmPassword(user, password ?? '');
    } else {
      const signedInAt = viewer.authenticatedAt?.getTime() ?? 0;
      if (this.deps.clock.now().getTime() - signedInAt > RECENT_SIGN_IN_MS)
        throw new AccountError('REAUTHENTICATION_FAILED');
    }
    await this.deps.sessions.revokeAll(user.id, { personalAccessTokens: true });
    await this.deps.data.delete(user.id);
  }

  async signInWithGoogle(
    idToken: string,
    defaults: GoogleProfileDefaults,
    ip: string,
    extras: SignUpExtras = {},
  ): Promise<SessionTokens> {
    const identity = await this.deps.google.verify(idToken);
    const referral = (await this.deps.referrals?.checkCode(extras.referralCode)) ?? null;
    const startedAt = this.deps.clock.now();
    const user = await this.deps.accounts.findOrCreateGoogleUser(identity, defaults, ip);
    // Only an account this sign-in created joins with the code (an existing one keeps its history).
    if (user.createdAt >= startedAt)
      await this.deps.referrals?.recordSignUp(user.id, referral, extras.deviceId ?? null);
    await this.deps.passwords.refuseIfLocked(user, ip, 'google');
    await this.deps.audit.record({
      event: 'login.succeeded',
      userId: user.id,
      ip,
      details: { method: 'google' },
    });
    return this.start(user, ip);
  }

  async signInWithPasskey(
    input: { challengeId: string; responseJson: string; origin: string | undefined },
    ip: string,
  ): Promise<SessionTokens> {
    const user = await this.deps.passkeys.finishSignIn(input);
    await this.deps.passwords.refuseIfLocked(user, ip, 'passkey');
    await this.deps.audit.record({
      event: 'login.succeeded',
      userId: user.id,
      ip,
      details: { method: 'passkey' },
    });
    return this.start(user, ip);
  }

  /** Starts the session, first making the person an admin when ADMIN_EMAILS lists them. */
  private async start(user: UserRow, ip: string): Promise<SessionTokens> {
    if (user.role === 'admin' || !this.deps.adminEmails.includes(user.email))
      return this.deps.sessions.start(user);
    const promoted = await this.deps.accounts.setRoleAndPlan(user.id, { role: 'admin' });
    await this.deps.audit.record({
      event: 'admin.role_granted',
      userId: user.id,
      ip,
      details: { source: 'ADMIN_EMAILS' },
    });
    return this.deps.sessions.start(promoted);
  }
}
