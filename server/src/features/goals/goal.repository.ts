import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { nextChangeSeq } from '../budget';
import { goals, type GoalRow } from './goal.table';

export type GoalChanges = Partial<
  Pick<GoalRow, 'name' | 'targetMinor' | 'targetOn' | 'priority' | 'status' | 'deletedAt'>
> & { updatedAt: Date };

/** A user's savings goals. */
export class GoalRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): GoalRepository {
    return new GoalRepository(tx);
  }

  /** The goals not deleted, oldest first. */
  async list(userId: string): Promise<GoalRow[]> {
    return this.db
      .select()
      .from(goals)
      .where(and(eq(goals.userId, userId), isNull(goals.deletedAt)))
      .orderBy(asc(goals.createdAt), asc(goals.id));
  }

  /** A goal by id, whoever owns it and deleted or not (callers check both). */
  async find(id: string): Promise<GoalRow | null> {
    const [row] = await this.db.select().from(goals).where(eq(goals.id, id));
    return row ?? null;
  }

  /** Inserts unless the id exists; null when it did (a replay, or another person's id). */
  async insertUnlessExists(row: Omit<GoalRow, 'version' | 'changeSeq'>): Promise<GoalRow | null> {
    const [inserted] = await this.db
      .insert(goals)
      .values(row)
      .onConflictDoNothing({ target: goals.id })
      .returning();
    return inserted ?? null;
  }

  async update(id: string, changes: GoalChanges): Promise<GoalRow> {
    const [row] = await this.db
      .update(goals)
      .set({ ...changes, version: sql`${goals.version} + 1`, changeSeq: nextChangeSeq() })
      .where(eq(goals.id, id))
      .returning();
    if (!row) throw new Error('goal vanished under the user lock');
    return row;
  }

  /** Goals written after change number `since` (tombstones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<GoalRow[]> {
    return this.db
      .select()
      .from(goals)
      .where(and(eq(goals.userId, userId), gt(goals.changeSeq, since)))
      .orderBy(asc(goals.changeSeq))
      .limit(limit);
  }
}
