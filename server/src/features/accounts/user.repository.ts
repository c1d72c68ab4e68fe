import {
  and,
  asc,
  desc,
  eq,
  gt,
  isNull,
  like,
  lt,
  ne,
  notInArray,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import {
  knownDevices,
  passwordResetTokens,
  users,
  type KnownDeviceRow,
  type PasswordResetTokenRow,
  type UserRow,
} from './user.table';

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
  Partial<Pick<UserRow, 'googleSubject' | 'role' | 'plan' | 'emailVerifiedAt'>>;

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

  /**
   * People by e-mail order, for admins: those whose e-mail starts with `emailPrefix` (lower case)
   * or whose id is `id`, after the e-mail `afterEmail`; at most `limit`.
   */
  async listByEmail(options: {
    emailPrefix?: string;
    id?: string;
    afterEmail?: string;
    /** Only accounts whose e-mail sorts before this one; with `backward`, the last ones before it. */
    beforeEmail?: string;
    backward?: boolean;
    limit: number;
  }): Promise<UserRow[]> {
    const { emailPrefix, id, afterEmail, beforeEmail, backward } = options;
    const conditions: Array<SQL | undefined> = [
      id !== undefined ? eq(users.id, id) : undefined,
      emailPrefix !== undefined
        ? like(users.email, `${emailPrefix.replace(/[\\%_]/g, '\\$&')}%`)
        : undefined,
      afterEmail !== undefined ? gt(users.email, afterEmail) : undefined,
      beforeEmail !== undefined ? lt(users.email, beforeEmail) : undefined,
    ];
    const rows = await this.db
      .select()
      .from(users)
      .where(and(...conditions))
      .orderBy(backward ? desc(users.email) : asc(users.email))
      .limit(options.limit);
    return backward ? rows.reverse() : rows;
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

  /**
   * Counts a failed sign-in and sets when the next attempt from a new device may be made
   * (`waitUntil` of the new count); returns the count.
   */
  async recordLoginFailure(
    id: string,
    waitUntil: (failures: number) => Date | null,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
        .where(eq(users.id, id))
        .returning({ failures: users.failedLoginCount });
      const failures = row?.failures ?? 0;
      const until = waitUntil(failures);
      if (until) await tx.update(users).set({ lockedUntil: until }).where(eq(users.id, id));
      return failures;
    });
  }

  /** Adds a device, keeping a person's `keep` most recently used ones (clients that never send their proof back would otherwise add one per sign-in). */
  async insertKnownDevice(row: KnownDeviceRow, keep: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(knownDevices).values(row);
      const kept = tx
        .select({ tokenHash: knownDevices.tokenHash })
        .from(knownDevices)
        .where(and(eq(knownDevices.userId, row.userId), ne(knownDevices.tokenHash, row.tokenHash)))
        .orderBy(desc(knownDevices.lastUsedAt), desc(knownDevices.createdAt))
        .limit(keep - 1);
      await tx
        .delete(knownDevices)
        .where(
          and(
            eq(knownDevices.userId, row.userId),
            ne(knownDevices.tokenHash, row.tokenHash),
            notInArray(knownDevices.tokenHash, kept),
          ),
        );
    });
  }

  /** Whether the device proof is this person's; notes that it was used. */
  async touchKnownDevice(userId: string, tokenHash: string, now: Date): Promise<boolean> {
    const mine = and(eq(knownDevices.tokenHash, tokenHash), eq(knownDevices.userId, userId));
    const [row] = await this.db
      .select({ lastUsedAt: knownDevices.lastUsedAt })
      .from(knownDevices)
      .where(mine);
    if (!row) return false;
    // A read on most sign-ins: the time of use only needs to be right to the hour (it orders the cap).
    if (now.getTime() - row.lastUsedAt.getTime() > 3_600_000)
      await this.db.update(knownDevices).set({ lastUsedAt: now }).where(mine);
    return true;
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
