import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { budgetAdjustments, type BudgetAdjustmentRow } from './adjustment.table';

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
    return this.db
      .select()
      .from(budgetAdjustments)
      .where(
        and(
          eq(budgetAdjustments.userId, userId),
          eq(budgetAdjustments.month, month),
          isNull(budgetAdjustments.deletedAt),
        ),
      )
      .orderBy(asc(budgetAdjustments.createdAt), asc(budgetAdjustments.id));
  }

  async insert(row: Omit<BudgetAdjustmentRow, 'deletedAt'>): Promise<BudgetAdjustmentRow> {
    const [inserted] = await this.db.insert(budgetAdjustments).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  async markDeleted(id: string, deletedAt: Date): Promise<BudgetAdjustmentRow> {
    const [row] = await this.db
      .update(budgetAdjustments)
      .set({ deletedAt })
      .where(eq(budgetAdjustments.id, id))
      .returning();
    if (!row) throw new Error('adjustment vanished under the user lock');
    return row;
  }
}
