import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { passwordResetTokens, users, type PasswordResetTokenRow, type UserRow } from './user.table';

export type NewUser = Pick<
  UserRow,
  | 'id'
  | 'email'
  | 'passwordHash'
  | 'name'
  | 'currency'
  | 'country'
  | 'timeZone'
  | 'locale'
  | 'createdAt'
  | 'updatedAt'
> &
  Partial<Pick<UserRow, 'googleSubject' | 'role' | 'plan'>>;

export class UserRepository {
  constructor(private readonly db: Db) {}

  /** Returns null when the e-mail is taken. */
  async insert(user: NewUser): Promise<UserRow | null> {
    const [row] = await this.db.insert(users).values(user).onConflictDoNothing().returning();
    return row ?? null;
  }

  async findById(id: string): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  }

  async findByEmail(email: string): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email));
    return row ?? null;
  }

  async findByGoogleSubject(subject: string): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.googleSubject, subject));
    return row ?? null;
  }

  async update(
    id: string,
    changes: Partial<Omit<UserRow, 'id' | 'createdAt'>>,
  ): Promise<UserRow | null> {
    const [row] = await this.db.update(users).set(changes).where(eq(users.id, id)).returning();
    return row ?? null;
  }

  /** Counts a failed sign-in; the fifth in a row locks the account until `lockUntil`. */
  async recordLoginFailure(
    id: string,
    options: { lockAfter: number; lockUntil: Date },
  ): Promise<UserRow | null> {
    const [row] = await this.db
      .update(users)
      .set({
        failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${options.lockAfter} then 0 else ${users.failedLoginCount} + 1 end`,
        lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${options.lockAfter} then ${options.lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, id))
      .returning();
    return row ?? null;
  }

  async insertResetToken(row: PasswordResetTokenRow): Promise<void> {
    await this.db.insert(passwordResetTokens).values(row);
  }

  /** Uses a reset token once: returns its row only if it was unused and unexpired. */
  async consumeResetToken(tokenHash: string, now: Date): Promise<PasswordResetTokenRow | null> {
    const [row] = await this.db
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning();
    return row ?? null;
  }

  async voidResetTokens(userId: string, now: Date): Promise<void> {
    await this.db
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  }
}
