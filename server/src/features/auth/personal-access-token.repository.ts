import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { personalAccessTokens, type PersonalAccessTokenRow } from './auth.table';

export class PersonalAccessTokenRepository {
  constructor(private readonly db: Db) {}

  async insert(row: PersonalAccessTokenRow): Promise<PersonalAccessTokenRow> {
    const [inserted] = await this.db.insert(personalAccessTokens).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  async listOfUser(userId: string): Promise<PersonalAccessTokenRow[]> {
    return this.db
      .select()
      .from(personalAccessTokens)
      .where(eq(personalAccessTokens.userId, userId))
      .orderBy(desc(personalAccessTokens.createdAt));
  }

  async findByHash(tokenHash: string): Promise<PersonalAccessTokenRow | null> {
    const [row] = await this.db
      .select()
      .from(personalAccessTokens)
      .where(eq(personalAccessTokens.tokenHash, tokenHash));
    return row ?? null;
  }

  /** Records a use, at most once a minute per token to keep requests read-only. */
  async touch(id: string, now: Date): Promise<void> {
    const aMinuteAgo = new Date(now.getTime() - 60_000);
    await this.db
      .update(personalAccessTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(personalAccessTokens.id, id),
          or(
            isNull(personalAccessTokens.lastUsedAt),
            lt(personalAccessTokens.lastUsedAt, aMinuteAgo),
          ),
        ),
      );
  }

  /** Revokes one of the person's tokens; null when they have no such token. */
  async revoke(id: string, userId: string, now: Date): Promise<PersonalAccessTokenRow | null> {
    const [row] = await this.db
      .update(personalAccessTokens)
      .set({ revokedAt: now })
      .where(and(eq(personalAccessTokens.id, id), eq(personalAccessTokens.userId, userId)))
      .returning();
    return row ?? null;
  }
}
