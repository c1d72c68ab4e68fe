import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { preparedOn } from '../../infra/db/prepared';
import { budgetAdjustments, type BudgetAdjustmentRow } from './adjustment.table';
import { nextChangeSeq } from './budget.table';

/** Manual budget moves. */
export class AdjustmentRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): AdjustmentRepository {
    return new AdjustmentRepository(tx);
  }

  async find(id: string): Promise<BudgetAdjustmentRow | null> {
    const [row] = await this.db
      .select()
      .from(budgetAdjustments)
      .where(eq(budgetAdjustments.id, id));
    return row ?? null;
  }

  /** The month's adjustments that are not deleted, in the order they were made. */
  async listLive(userId: string, month: string): Promise<BudgetAdjustmentRow[]> {
    const query = preparedOn(this.db, 'adjustments.listLive', (db) =>
      db
        .select()
        .from(budgetAdjustments)
        .where(
          and(
            eq(budgetAdjustments.userId, sql.placeholder('user')),
            eq(budgetAdjustments.month, sql.placeholder('month')),
            isNull(budgetAdjustments.deletedAt),
          ),
        )
        .orderBy(asc(budgetAdjustments.createdAt), asc(budgetAdjustments.id))
        .prepare('adjustments_list_live'),
    );
    return query.execute({ user: userId, month });
  }

  /** Adjustments written after change number `since` (deletions included), oldest first. */
  async listChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<BudgetAdjustmentRow[]> {
    return this.db
      .select()
      .from(budgetAdjustments)
      .where(and(eq(budgetAdjustments.userId, userId), gt(budgetAdjustments.changeSeq, since)))
      .orderBy(asc(budgetAdjustments.changeSeq))
      .limit(limit);
  }

  async insert(
    row: Omit<BudgetAdjustmentRow, 'deletedAt' | 'changeSeq'>,
  ): Promise<BudgetAdjustmentRow> {
    const [inserted] = await this.db.insert(budgetAdjustments).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  async markDeleted(id: string, deletedAt: Date): Promise<BudgetAdjustmentRow> {
    const [row] = await this.db
      .update(budgetAdjustments)
      .set({ deletedAt, changeSeq: nextChangeSeq() })
      .where(eq(budgetAdjustments.id, id))
      .returning();
    if (!row) throw new Error('adjustment vanished under the user lock');
    return row;
  }
}
