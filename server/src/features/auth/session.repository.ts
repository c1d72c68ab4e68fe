import { and, desc, eq, gt, gte, isNull, sql } from 'drizzle-orm';
import type { DurableRevocations } from '../../infra/auth/revocation-store';
import type { Db } from '../../infra/db/database';
import { personalAccessTokens, refreshTokens, type RefreshTokenRow } from './auth.table';

export class SessionRepository implements DurableRevocations {
  constructor(private readonly db: Db) {}

  async insert(row: RefreshTokenRow): Promise<void> {
    await this.db.insert(refreshTokens).values(row);
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = await this.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return row ?? null;
  }

  /** Marks a token used; false when another request used it first. */
  async markRotated(id: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(
        and(
          eq(refreshTokens.id, id),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
        ),
      )
      .returning({ id: refreshTokens.id });
    return rows.length > 0;
  }

  /** The current token of each live session of a person (one row per family), newest first. */
  async listLive(userId: string, now: Date): Promise<RefreshTokenRow[]> {
    return this.db
      .select()
      .from(refreshTokens)
      .where(
        and(
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
          isNull(refreshTokens.rotatedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .orderBy(desc(refreshTokens.createdAt));
  }

  /** Whether the session (family) is the person's. */
  async isFamilyOf(familyId: string, userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: refreshTokens.id })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.familyId, familyId), eq(refreshTokens.userId, userId)))
      .limit(1);
    return row !== undefined;
  }

  /**
   * Ended when any of its tokens is marked revoked (a revocation marks every live one), or when no
   * token of it is left (its person was deleted).
   */
  async isSessionRevoked(familyId: string): Promise<boolean> {
    const [row] = await this.db
      .select({
        tokens: sql<number>`count(*)::int`,
        revoked: sql<number>`count(${refreshTokens.revokedAt})::int`,
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.familyId, familyId));
    return !row || row.tokens === 0 || row.revoked > 0;
  }

  async sessionsRevokedSince(since: Date): Promise<Array<{ sessionId: string; revokedAt: Date }>> {
    const rows = await this.db
      .select({
        sessionId: refreshTokens.familyId,
        revokedAt: sql<Date>`max(${refreshTokens.revokedAt})`.mapWith(refreshTokens.revokedAt),
      })
      .from(refreshTokens)
      .where(gte(refreshTokens.revokedAt, since))
      .groupBy(refreshTokens.familyId);
    return rows.map((row) => ({ sessionId: row.sessionId, revokedAt: row.revokedAt }));
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  /** Revokes every live session of a person; returns their family ids. */
  async revokeAllOfUser(userId: string, now: Date): Promise<string[]> {
    const rows = await this.db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(refreshTokens.userId, userId),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .returning({ familyId: refreshTokens.familyId });
    return [...new Set(rows.map((row) => row.familyId))];
  }

  async revokeAllPersonalAccessTokens(userId: string, now: Date): Promise<void> {
    await this.db
      .update(personalAccessTokens)
      .set({ revokedAt: now })
      .where(and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)));
  }
}
