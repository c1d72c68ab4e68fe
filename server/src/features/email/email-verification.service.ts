import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../infra/clock';
import type { RateLimiters } from '../../infra/auth/rate-limiter';
import { sendEmailJob } from '../../infra/mail/email.job';
import type { JobQueue } from '../../infra/queue/job';
import { AccessError } from '../../graphql/scopes';
import type { AuditService } from '../audit';
import { AccountError, mailWords, sha256, type UserRepository, type UserRow } from '../accounts';
import { EmailError } from './email.errors';
import type { EmailRepository } from './email.repository';
import {
  RESEND_WINDOW_MS,
  VERIFICATION_TOKEN_TTL_MS,
  resendWaitMs,
  verificationTokenState,
} from './email-verification.rules';

export interface ResendOutcome {
  /** The address was verified already: no mail was sent. */
  alreadyVerified: boolean;
  /** Where the new link went; null when none was sent. */
  sentTo: string | null;
}

/**
 * Proving a person receives mail at their address: a single-use link at sign-up (and on request),
 * required before buying premium or exporting data. Google accounts arrive verified.
 */
export class EmailVerificationService {
  constructor(
    private readonly deps: {
      repository: EmailRepository;
      users: UserRepository;
      audit: AuditService;
      clock: Clock;
      queue: JobQueue;
      rateLimiters: RateLimiters;
      publicUrl: string;
    },
  ) {}

  /** Mails a new link to the person's current address unless it is verified (sign-up's entry point). */
  async sendVerification(user: UserRow): Promise<void> {
    if (user.emailVerifiedAt) return;
    const { repository, clock, queue, publicUrl } = this.deps;
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const id = randomUUID();
    await repository.insertToken({
      id,
      userId: user.id,
      tokenHash: sha256(token),
      email: user.email,
      expiresAt: new Date(now.getTime() + VERIFICATION_TOKEN_TTL_MS),
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
        subject: mailWords(user.locale, 'verifySubject'),
        text: mailWords(user.locale, 'verifyBody', {
          link: `${publicUrl}/verify-email/?token=${token}`,
        }),
      },
      { jobId: `email-verification-${id}` },
    );
  }

  /** Another link, at most one a minute and five a day (RATE_LIMITED with `retryAfter` beyond). */
  async resend(userId: string, ip: string): Promise<ResendOutcome> {
    const { repository, users, audit, clock } = this.deps;
    const user = await users.findById(userId);
    if (!user) throw new AccountError('USER_NOT_FOUND');
    if (user.emailVerifiedAt) return { alreadyVerified: true, sentTo: null };
    const now = clock.now();
    const sent = await repository.tokenTimesSince(
      userId,
      new Date(now.getTime() - RESEND_WINDOW_MS),
    );
    const waitMs = resendWaitMs(sent, now);
    if (waitMs > 0) throw new AccessError('RATE_LIMITED', { retryAfter: Math.ceil(waitMs / 1000) });
    await this.sendVerification(user);
    await audit.record({ event: 'email.verification_sent', userId, ip });
    return { alreadyVerified: false, sentTo: user.email };
  }

  /** Spends a link and marks its address verified; VERIFICATION_TOKEN_USED, _EXPIRED or _INVALID otherwise. */
  async verify(token: string, ip: string): Promise<UserRow> {
    const { repository, users, audit, clock, rateLimiters } = this.deps;
    // Anyone may present a link (it works signed out), so it spends the anonymous budget.
    const limit = await rateLimiters.consume('anonymous', ip);
    if (!limit.allowed) throw new AccessError('RATE_LIMITED', { retryAfter: limit.retryAfterS });
    const now = clock.now();
    const stored = await repository.findToken(sha256(token));
    const user = stored ? await users.findById(stored.userId) : null;
    const state = verificationTokenState(stored, user?.email ?? null, now);
    if (state === 'USED') throw new EmailError('VERIFICATION_TOKEN_USED');
    if (state === 'EXPIRED') throw new EmailError('VERIFICATION_TOKEN_EXPIRED');
    if (state !== 'VALID' || !stored || !user) throw new EmailError('VERIFICATION_TOKEN_INVALID');
    if (!(await repository.verifyWithToken(stored, now)))
      throw new EmailError('VERIFICATION_TOKEN_USED');
    await audit.record({ event: 'email.verified', userId: user.id, ip });
    return (await users.findById(user.id)) ?? user;
  }

  /** Refuses (EMAIL_NOT_VERIFIED) what needs a verified address: buying premium, exporting data. */
  async requireVerified(userId: string): Promise<void> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AccountError('USER_NOT_FOUND');
    if (!user.emailVerifiedAt) throw new EmailError('EMAIL_NOT_VERIFIED');
  }
}
