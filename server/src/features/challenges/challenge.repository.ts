import { and, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { challengeParticipations, type ChallengeParticipationRow } from './challenge.table';

const { userId: owner, leftAt, completedAt, failedAt } = challengeParticipations;
const isOpen = and(isNull(leftAt), isNull(completedAt), isNull(failedAt));

/** The outcome an open attempt may end with; each is written once. */
export type ParticipationOutcome = 'completedAt' | 'failedAt' | 'leftAt';

/** A person's challenge attempts. */
export class ChallengeRepository {
  constructor(private readonly db: Db) {}

  /** Open attempts and finished ones (not those left), newest first. */
  async listNotLeft(userId: string, limit: number): Promise<ChallengeParticipationRow[]> {
    return this.db
      .select()
      .from(challengeParticipations)
      .where(and(eq(owner, userId), isNull(leftAt)))
      .orderBy(desc(challengeParticipations.joinedAt), desc(challengeParticipations.id))
      .limit(limit);
  }

  /** Every open attempt of the person (at most one per challenge). */
  async listOpen(userId: string): Promise<ChallengeParticipationRow[]> {
    return this.db
      .select()
      .from(challengeParticipations)
      .where(and(eq(owner, userId), isOpen));
  }

  /** How many times the person completed each challenge. */
  async completedCounts(userId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ challengeId: challengeParticipations.challengeId, n: count() })
      .from(challengeParticipations)
      .where(and(eq(owner, userId), isNotNull(completedAt)))
      .groupBy(challengeParticipations.challengeId);
    return new Map(rows.map((row) => [row.challengeId, row.n]));
  }

  /** Opens an attempt; null when one is open already (a concurrent join won). */
  async insertOpen(row: ChallengeParticipationRow): Promise<ChallengeParticipationRow | null> {
    const [inserted] = await this.db
      .insert(challengeParticipations)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return inserted ?? null;
  }

  /** Ends an open attempt with an outcome; an attempt already ended keeps its first outcome. */
  async end(id: string, outcome: ParticipationOutcome, at: Date): Promise<void> {
    await this.db
      .update(challengeParticipations)
      .set({ [outcome]: at })
      .where(and(eq(challengeParticipations.id, id), isOpen));
  }
}
