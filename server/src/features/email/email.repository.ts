import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { users } from '../accounts';
import {
  emailPreferences,
  emailVerificationTokens,
  type EmailPreferencesRow,
  type EmailVerificationTokenRow,
} from './email.table';

/** The only SQL of the email feature: verification tokens, preferences, the verified mark. */
export class EmailRepository {
  constructor(private readonly db: Db) {}

  async insertToken(row: EmailVerificationTokenRow): Promise<void> {
    await this.db.insert(emailVerificationTokens).values(row);
  }

  /** When verification mails were sent to the person since `since`. */
  async tokenTimesSince(userId: string, since: Date): Promise<Date[]> {
    const rows = await this.db
      .select({ createdAt: emailVerificationTokens.createdAt })
      .from(emailVerificationTokens)
      .where(
        and(
          eq(emailVerificationTokens.userId, userId),
          gt(emailVerificationTokens.createdAt, since),
        ),
      )
      .orderBy(desc(emailVerificationTokens.createdAt));
    return rows.map((r) => r.createdAt);
  }

  async findToken(tokenHash: string): Promise<EmailVerificationTokenRow | null> {
    const [row] = await this.db
      .select()
      .from(emailVerificationTokens)
      .where(eq(emailVerificationTokens.tokenHash, tokenHash));
    return row ?? null;
  }

  /**
   * Spends the token and marks its address verified, in one transaction; false when the token was
   * spent meanwhile or the account's address is no longer the token's.
   */
  async verifyWithToken(token: EmailVerificationTokenRow, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const spent = await tx
        .update(emailVerificationTokens)
        .set({ usedAt: now })
        .where(
          and(eq(emailVerificationTokens.id, token.id), isNull(emailVerificationTokens.usedAt)),
        )
        .returning({ id: emailVerificationTokens.id });
      if (spent.length === 0) return false;
      const verified = await tx
        .update(users)
        .set({ emailVerifiedAt: now, updatedAt: now })
        .where(and(eq(users.id, token.userId), eq(users.email, token.email)))
        .returning({ id: users.id });
      if (verified.length === 0) return false;
      // The other links of the person are void once one worked.
      await tx
        .update(emailVerificationTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailVerificationTokens.userId, token.userId),
            isNull(emailVerificationTokens.usedAt),
          ),
        );
      return true;
    });
  }

  async findPreferences(userId: string): Promise<EmailPreferencesRow | null> {
    const [row] = await this.db
      .select()
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, userId));
    return row ?? null;
  }

  /** The person's row, made with `defaults` when they have none yet (two callers get the same). */
  async ensurePreferences(defaults: EmailPreferencesRow): Promise<EmailPreferencesRow> {
    await this.db.insert(emailPreferences).values(defaults).onConflictDoNothing();
    return (await this.findPreferences(defaults.userId)) ?? defaults;
  }

  async updatePreferences(
    userId: string,
    change: Pick<EmailPreferencesRow, 'productNews' | 'updatedAt'>,
  ): Promise<void> {
    await this.db.update(emailPreferences).set(change).where(eq(emailPreferences.userId, userId));
  }
}
