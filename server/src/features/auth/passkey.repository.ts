import { and, desc, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import {
  passkeys,
  webauthnChallenges,
  type PasskeyRow,
  type WebauthnChallengeRow,
} from './auth.table';

export class PasskeyRepository {
  constructor(private readonly db: Db) {}

  async insertChallenge(row: WebauthnChallengeRow): Promise<void> {
    await this.db
      .delete(webauthnChallenges)
      .where(lt(webauthnChallenges.expiresAt, new Date(row.expiresAt.getTime() - 10 * 60_000)));
    await this.db.insert(webauthnChallenges).values(row);
  }

  /** Uses a challenge once: deletes and returns it if it is unexpired and belongs to `userId`. */
  async takeChallenge(
    id: string,
    purpose: WebauthnChallengeRow['purpose'],
    userId: string | null,
    now: Date,
  ): Promise<WebauthnChallengeRow | null> {
    const owner: SQL =
      userId === null ? isNull(webauthnChallenges.userId) : eq(webauthnChallenges.userId, userId);
    const [row] = await this.db
      .delete(webauthnChallenges)
      .where(
        and(
          eq(webauthnChallenges.id, id),
          eq(webauthnChallenges.purpose, purpose),
          owner,
          gt(webauthnChallenges.expiresAt, now),
        ),
      )
      .returning();
    return row ?? null;
  }

  async insert(row: PasskeyRow): Promise<PasskeyRow> {
    const [inserted] = await this.db.insert(passkeys).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  async listOfUser(userId: string): Promise<PasskeyRow[]> {
    return this.db
      .select()
      .from(passkeys)
      .where(eq(passkeys.userId, userId))
      .orderBy(desc(passkeys.createdAt));
  }

  async find(id: string): Promise<PasskeyRow | null> {
    const [row] = await this.db.select().from(passkeys).where(eq(passkeys.id, id));
    return row ?? null;
  }

  async recordUse(id: string, counter: number, now: Date): Promise<void> {
    await this.db.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, id));
  }

  async remove(id: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .delete(passkeys)
      .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
      .returning({ id: passkeys.id });
    return rows.length > 0;
  }
}
