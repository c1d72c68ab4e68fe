import { randomUUID } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import type { RateLimiters } from '../../infra/auth/rate-limiter';
import { AccessError } from '../../graphql/scopes';
import type { AuditService } from '../audit';
import { AccountError } from './account.errors';
import type { PasswordHasher } from './password-hasher';
import { judgePassword } from './password.rules';
import {
  normaliseEmail,
  normaliseProfile,
  type NormalisedProfile,
  type ProfileFields,
} from './profile.rules';
import type { UserRepository } from './user.repository';
import type { UserRow } from './user.table';

export interface Registration {
  email: string;
  password: string;
  name: string;
  currency: string;
  country: string;
  timeZone: string;
  locale: string;
}

export interface AccountDeps {
  users: UserRepository;
  hasher: PasswordHasher;
  audit: AuditService;
  clock: Clock;
  rateLimiters: RateLimiters;
}

export class AccountService {
  constructor(private readonly deps: AccountDeps) {}

  async register(input: Registration, ip: string): Promise<UserRow> {
    const { hasher, rateLimiters } = this.deps;
    const limit = await rateLimiters.consume('register', ip);
    if (!limit.allowed) throw new AccessError('RATE_LIMITED', { retryAfter: limit.retryAfterS });
    const email = normaliseEmail(input.email);
    if (!email)
      throw new AccountError('INVALID_PROFILE', { field: 'email', expected: 'an e-mail address' });
    const profile = validProfile({
      name: input.name,
      currency: input.currency,
      country: input.country,
      timeZone: input.timeZone,
      locale: input.locale,
    });
    assertStrongPassword(input.password, [email, input.name]);
    const passwordHash = await hasher.hash(input.password);
    return this.createUser({ email, passwordHash, profile, ip, method: 'password' });
  }

  async getUser(id: string): Promise<UserRow> {
    const row = await this.deps.users.findById(id);
    if (!row) throw new AccountError('USER_NOT_FOUND');
    return row;
  }

  async updateProfile(userId: string, fields: ProfileFields, ip: string): Promise<UserRow> {
    const profile = validProfile(fields);
    const row = await this.deps.users.update(userId, {
      ...profile,
      updatedAt: this.deps.clock.now(),
    });
    if (!row) throw new AccountError('USER_NOT_FOUND');
    await this.deps.audit.record({
      event: 'profile.updated',
      userId,
      ip,
      details: { fields: Object.keys(profile).sort().join(' ') },
    });
    return row;
  }

  /** Operator tooling and tests: the role and plan decide a person's scopes at their next sign-in. */
  async setRoleAndPlan(
    userId: string,
    changes: Partial<Pick<UserRow, 'role' | 'plan'>>,
  ): Promise<UserRow> {
    const row = await this.deps.users.update(userId, {
      ...changes,
      updatedAt: this.deps.clock.now(),
    });
    if (!row) throw new AccountError('USER_NOT_FOUND');
    return row;
  }

  /**
   * The account of a verified Google identity: the one linked to it, else the one with its (verified)
   * e-mail, which gets linked, else a new one with the given profile.
   */
  async findOrCreateGoogleUser(
    identity: { subject: string; email: string; name: string },
    profile: Omit<Registration, 'email' | 'password' | 'name'>,
    ip: string,
  ): Promise<UserRow> {
    const { users, clock } = this.deps;
    const linked = await users.findByGoogleSubject(identity.subject);
    if (linked) return linked;
    const email = normaliseEmail(identity.email);
    if (!email)
      throw new AccountError('INVALID_PROFILE', { field: 'email', expected: 'an e-mail address' });
    const existing = await users.findByEmail(email);
    if (existing)
      return (
        (await users.update(existing.id, {
          googleSubject: identity.subject,
          // Google verified this address, which is the account's.
          ...(existing.emailVerifiedAt ? {} : { emailVerifiedAt: clock.now() }),
          updatedAt: clock.now(),
        })) ?? existing
      );
    const valid = validProfile({ name: identity.name || email.split('@')[0], ...profile });
    return this.createUser({
      email,
      passwordHash: null,
      googleSubject: identity.subject,
      profile: valid,
      ip,
      method: 'google',
    });
  }

  /** Inserts a new account (EMAIL_TAKEN when the address is already used) and audits it. */
  private async createUser(input: {
    email: string;
    passwordHash: string | null;
    googleSubject?: string;
    profile: ReturnType<typeof validProfile>;
    ip: string;
    method: 'password' | 'google';
  }): Promise<UserRow> {
    const { users, audit, clock } = this.deps;
    const { profile } = input;
    const now = clock.now();
    const row = await users.insert({
      id: randomUUID(),
      email: input.email,
      passwordHash: input.passwordHash,
      ...(input.googleSubject ? { googleSubject: input.googleSubject } : {}),
      // Google only hands out verified addresses; password accounts verify by mail.
      ...(input.method === 'google' ? { emailVerifiedAt: now } : {}),
      name: profile.name ?? '',
      currency: profile.currency ?? '',
      country: profile.country ?? '',
      timeZone: profile.timeZone ?? '',
      locale: profile.locale ?? '',
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new AccountError('EMAIL_TAKEN');
    await audit.record({
      event: 'user.registered',
      userId: row.id,
      ip: input.ip,
      details: { method: input.method },
    });
    return row;
  }
}

function validProfile(fields: ProfileFields): NormalisedProfile {
  const { value, problems } = normaliseProfile(fields);
  const [problem] = problems;
  if (problem) throw new AccountError('INVALID_PROFILE', problem);
  return value;
}

export function assertStrongPassword(password: string, personal: string[]): void {
  const verdict = judgePassword(password, personal);
  if (!verdict.ok)
    throw new AccountError('WEAK_PASSWORD', {
      message: verdict.message,
      suggestions: verdict.suggestions,
    });
}
