import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import type { RateLimiters } from '../../infra/auth/rate-limiter';
import { sendEmailJob } from '../../infra/mail/email.job';
import type { JobQueue } from '../../infra/queue/job';
import { AccessError } from '../../graphql/scopes';
import type { AuditService } from '../audit';
import { assertStrongPassword } from './account.service';
import { AccountError } from './account.errors';
import { adminLockEndOf } from './account-lock.rules';
import type { PasswordHasher } from './password-hasher';
import { mailWords } from './mail-words';
import { normaliseEmail } from './profile.rules';
import { isFirstDelay, signInDelayMs } from './sign-in-delay.rules';
import type { UserRepository } from './user.repository';
import type { UserRow } from './user.table';

export const RESET_TOKEN_TTL_MS = 30 * 60_000;
/** Devices remembered per person, most recently used first. */
export const MAX_KNOWN_DEVICES = 20;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Sign-in by password with growing waits (never a lockout), password changes and resets by e-mail. */
export class PasswordService {
  constructor(
    private readonly deps: {
      users: UserRepository;
      hasher: PasswordHasher;
      audit: AuditService;
      clock: Clock;
      rateLimiters: RateLimiters;
      queue: JobQueue;
      publicUrl: string;
    },
  ) {}

  /**
   * The account these credentials open. Unknown e-mail and wrong password answer the same error
   * after the same work. After repeated wrong passwords a device the account does not know waits
   * (`signInDelayMs`, RATE_LIMITED with `retryAfter`); a known device (`deviceToken` from an
   * earlier sign-in) is never made to wait by a stranger's failures. Failures from one address
   * across every e-mail are limited too (`RATE_LIMIT_LOGIN_FAILURES`).
   */
  async verifyCredentials(
    emailInput: string,
    password: string,
    ip: string,
    deviceToken?: string,
  ): Promise<{ user: UserRow; knownDevice: boolean }> {
    const { users, hasher, audit, clock, rateLimiters } = this.deps;
    const email = normaliseEmail(emailInput) ?? emailInput.trim().toLowerCase();
    const limit = await rateLimiters.consume('login', `${ip}|${email}`);
    if (!limit.allowed) throw new AccessError('RATE_LIMITED', { retryAfter: limit.retryAfterS });
    const address = await rateLimiters.peek('loginFailures', ip);
    if (!address.allowed)
      throw new AccessError('RATE_LIMITED', { retryAfter: address.retryAfterS });
    const user = await users.findByEmail(email);
    const now = clock.now();
    if (!user?.passwordHash) {
      await hasher.verifyNothing(password);
      await rateLimiters.consume('loginFailures', ip);
      await audit.record({
        event: 'login.failed',
        userId: user?.id ?? null,
        ip,
        details: { reason: user ? 'no_password' : 'unknown_email' },
      });
      throw new AccountError('INVALID_CREDENTIALS');
    }
    const knownDevice =
      deviceToken !== undefined &&
      (await users.touchKnownDevice(user.id, sha256(deviceToken), now));
    if (!knownDevice && user.lockedUntil && user.lockedUntil > now) {
      const retryAfter = Math.max(
        1,
        Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
      );
      await audit.record({
        event: 'login.delayed',
        userId: user.id,
        ip,
        details: { retryAfter },
      });
      throw new AccessError('RATE_LIMITED', { retryAfter });
    }
    const checked = await hasher.check(user.passwordHash, password);
    if (checked === 'wrong') {
      await rateLimiters.consume('loginFailures', ip);
      await this.recordFailure(user, ip);
      throw new AccountError('INVALID_CREDENTIALS');
    }
    if (checked === 'rehash')
      await users.update(user.id, { passwordHash: await hasher.hash(password) });
    await this.refuseIfLocked(user, ip, 'password');
    if (user.failedLoginCount > 0 || user.lockedUntil)
      await users.update(user.id, { failedLoginCount: 0, lockedUntil: null });
    await audit.record({
      event: 'login.succeeded',
      userId: user.id,
      ip,
      details: { method: 'password', knownDevice },
    });
    return { user, knownDevice };
  }

  /**
   * The proof a device keeps after signing in with the password: the one it presented when it is
   * known (`verifyCredentials` checked it), else a new one.
   */
  async rememberDevice(user: UserRow, known?: { token: string }): Promise<string> {
    if (known) return known.token;
    const now = this.deps.clock.now();
    const token = randomBytes(32).toString('base64url');
    await this.deps.users.insertKnownDevice(
      { tokenHash: sha256(token), userId: user.id, createdAt: now, lastUsedAt: now },
      MAX_KNOWN_DEVICES,
    );
    return token;
  }

  /**
   * Refuses a sign-in whose credentials were right while an admin's lock holds (said only after
   * the credentials were checked, so the lock tells a stranger nothing).
   */
  async refuseIfLocked(user: UserRow, ip: string, method: string): Promise<void> {
    const end = adminLockEndOf(user, this.deps.clock.now());
    if (!end) return;
    await this.deps.audit.record({
      event: 'login.locked',
      userId: user.id,
      ip,
      details: { method, until: end.toISOString() },
    });
    throw new AccountError('ACCOUNT_LOCKED', { until: end.toISOString() });
  }

  private async recordFailure(user: UserRow, ip: string): Promise<void> {
    const { users, audit, clock, queue } = this.deps;
    const now = clock.now();
    const failures = await users.recordLoginFailure(user.id, (count) => {
      const waitMs = signInDelayMs(count);
      return waitMs > 0 ? new Date(now.getTime() + waitMs) : null;
    });
    await audit.record({
      event: 'login.failed',
      userId: user.id,
      ip,
      details: { reason: 'wrong_password', failures },
    });
    if (!isFirstDelay(failures)) return;
    await audit.record({
      event: 'account.sign_in_slowed',
      userId: user.id,
      ip,
      details: { failures },
    });
    const hour = Math.floor(now.getTime() / 3_600_000);
    await queue.enqueue(
      sendEmailJob,
      {
        to: user.email,
        kind: 'security',
        userId: user.id,
        locale: user.locale ?? undefined,
        subject: mailWords(user.locale, 'slowedSubject'),
        text: mailWords(user.locale, 'slowedBody', {
          count: failures,
          link: `${this.deps.publicUrl}/reset-password`,
        }),
      },
      { jobId: `sign-in-slowed-${user.id}-${hour}` },
    );
  }

  /** Checks the current password (re-authentication) without counting towards the lockout. */
  async confirmPassword(user: UserRow, password: string): Promise<void> {
    if (!user.passwordHash || !(await this.deps.hasher.verify(user.passwordHash, password))) {
      throw new AccountError('REAUTHENTICATION_FAILED');
    }
  }

  async changePassword(
    user: UserRow,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    await this.confirmPassword(user, currentPassword);
    await this.setPassword(user, newPassword);
    await this.deps.audit.record({ event: 'password.changed', userId: user.id, ip });
  }

  /** Always succeeds, so it tells nobody whether an account exists; the mail job sends the link. */
  async requestReset(emailInput: string, ip: string): Promise<void> {
    const { users, audit, clock, rateLimiters, queue } = this.deps;
    const email = normaliseEmail(emailInput);
    for (const [name, key] of [
      ['anonymous', ip],
      ['passwordReset', `ip|${ip}`],
    ] as const) {
      const limit = await rateLimiters.consume(name, key);
      if (!limit.allowed) throw new AccessError('RATE_LIMITED', { retryAfter: limit.retryAfterS });
    }
    // Per account the limit only stops further mails, silently: a stranger asking for the owner's
    // reset cannot make the owner's own request fail, and any link already sent keeps working.
    const byAccount = await rateLimiters.consume('passwordReset', `email|${email ?? emailInput}`);
    const user = email ? await users.findByEmail(email) : null;
    await audit.record({
      event: 'password.reset_requested',
      userId: user?.id ?? null,
      ip,
      ...(byAccount.allowed ? {} : { details: { suppressed: true } }),
    });
    if (!user || !byAccount.allowed) return;
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const id = randomUUID();
    await users.insertResetToken({
      id,
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
      usedAt: null,
      createdAt: now,
    });
    await queue.enqueue(
      sendEmailJob,
      {
        to: user.email,
        kind: 'security',
        userId: user.id,
        locale: user.locale ?? undefined,
        subject: mailWords(user.locale, 'resetSubject'),
        text: mailWords(user.locale, 'resetBody', {
          link: `${this.deps.publicUrl}/reset-password#token=${token}`,
        }),
      },
      { jobId: `password-reset-${id}` },
    );
  }

  /** Sets a new password with a single-use token; returns the account it belongs to. */
  async resetPassword(token: string, newPassword: string, ip: string): Promise<UserRow> {
    const { users, audit, clock } = this.deps;
    // Checked before the token is spent, so a weak choice does not cost the link.
    assertStrongPassword(newPassword, []);
    const now = clock.now();
    const used = await users.consumeResetToken(sha256(token), now);
    const user = used ? await users.findById(used.userId) : null;
    if (!user) throw new AccountError('RESET_TOKEN_INVALID');
    await this.setPassword(user, newPassword);
    await users.voidResetTokens(user.id, now);
    await audit.record({ event: 'password.reset', userId: user.id, ip });
    return user;
  }

  private async setPassword(user: UserRow, password: string): Promise<void> {
    assertStrongPassword(password, [user.email, user.name]);
    const now = this.deps.clock.now();
    await this.deps.users.update(user.id, {
      passwordHash: await this.deps.hasher.hash(password),
      passwordChangedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: now,
    });
  }
}
