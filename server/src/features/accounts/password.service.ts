import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import type { RateLimiters } from '../../infra/auth/rate-limiter';
import { sendEmailJob } from '../../infra/mail/email.job';
import type { JobQueue } from '../../infra/queue/job';
import { AccessError } from '../../graphql/scopes';
import type { AuditService } from '../audit';
import { assertStrongPassword } from './account.service';
import { AccountError } from './account.errors';
import type { PasswordHasher } from './password-hasher';
import { normaliseEmail } from './profile.rules';
import type { UserRepository } from './user.repository';
import type { UserRow } from './user.table';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_DURATION_MS = 15 * 60_000;
export const RESET_TOKEN_TTL_MS = 30 * 60_000;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Sign-in by password with lockout, password changes and resets by e-mail. */
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
   * The account these credentials open. Unknown e-mail, wrong password and a locked account all
   * answer the same error after the same work, so none can be told apart.
   */
  async verifyCredentials(emailInput: string, password: string, ip: string): Promise<UserRow> {
    const { users, hasher, audit, clock, rateLimiters } = this.deps;
    const email = normaliseEmail(emailInput) ?? emailInput.trim().toLowerCase();
    const limit = await rateLimiters.consume('login', `${ip}|${email}`);
    if (!limit.allowed) throw new AccessError('RATE_LIMITED', { retryAfter: limit.retryAfterS });
    const user = await users.findByEmail(email);
    const now = clock.now();
    if (!user?.passwordHash || (user.lockedUntil && user.lockedUntil > now)) {
      await hasher.verifyNothing(password);
      const reason = !user ? 'unknown_email' : user.passwordHash ? 'locked' : 'no_password';
      await audit.record({
        event: 'login.failed',
        userId: user?.id ?? null,
        ip,
        details: { reason },
      });
      throw new AccountError('INVALID_CREDENTIALS');
    }
    const checked = await hasher.check(user.passwordHash, password);
    if (checked === 'wrong') {
      await this.recordFailure(user, ip);
      throw new AccountError('INVALID_CREDENTIALS');
    }
    if (checked === 'rehash')
      await users.update(user.id, { passwordHash: await hasher.hash(password) });
    if (user.failedLoginCount > 0 || user.lockedUntil)
      await users.update(user.id, { failedLoginCount: 0, lockedUntil: null });
    await audit.record({
      event: 'login.succeeded',
      userId: user.id,
      ip,
      details: { method: 'password' },
    });
    return user;
  }

  private async recordFailure(user: UserRow, ip: string): Promise<void> {
    const { users, audit, clock, queue } = this.deps;
    const lockUntil = new Date(clock.now().getTime() + LOCK_DURATION_MS);
    const updated = await users.recordLoginFailure(user.id, {
      lockAfter: LOCK_AFTER_FAILURES,
      lockUntil,
    });
    await audit.record({
      event: 'login.failed',
      userId: user.id,
      ip,
      details: { reason: 'wrong_password' },
    });
    if (updated?.lockedUntil?.getTime() !== lockUntil.getTime()) return;
    await audit.record({
      event: 'account.locked',
      userId: user.id,
      ip,
      details: { until: lockUntil.toISOString() },
    });
    await queue.enqueue(
      sendEmailJob,
      {
        to: user.email,
        subject: 'Your Pace account is locked for 15 minutes',
        text: `After ${LOCK_AFTER_FAILURES} failed sign-ins in a row, sign-in to your account is paused until ${lockUntil.toISOString()}.\nIf this was not you, reset your password: ${this.deps.publicUrl}/reset-password`,
      },
      { jobId: `account-locked-${user.id}-${lockUntil.getTime()}` },
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
        subject: 'Reset your Pace password',
        text: `Someone asked to reset the password of your Pace account. If it was you, open this link within 30 minutes:\n${this.deps.publicUrl}/reset-password#token=${token}\nIf it was not you, ignore this e-mail.`,
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
