import { eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { recurringTransactions, type RecurringTransactionRow } from './recurring.table';

/** Recurring transactions. */
export class RecurringRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): RecurringRepository {
    return new RecurringRepository(tx);
  }

  async find(id: string): Promise<RecurringTransactionRow | null> {
    const [row] = await this.db
      .select()
      .from(recurringTransactions)
      .where(eq(recurringTransactions.id, id));
    return row ?? null;
  }

  async listOfUser(userId: string): Promise<RecurringTransactionRow[]> {
    return this.db
      .select()
      .from(recurringTransactions)
      .where(eq(recurringTransactions.userId, userId));
  }

  /** Ids of users with at least one recurring transaction. */
  async listUserIds(): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ userId: recurringTransactions.userId })
      .from(recurringTransactions);
    return rows.map((r) => r.userId);
  }

  async insert(
    row: Omit<RecurringTransactionRow, 'postedThrough'>,
  ): Promise<RecurringTransactionRow> {
    const [inserted] = await this.db
      .insert(recurringTransactions)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return inserted ?? (await this.find(row.id)) ?? { ...row, postedThrough: null };
  }

  async setEndOn(id: string, endOn: string): Promise<RecurringTransactionRow> {
    const [row] = await this.db
      .update(recurringTransactions)
      .set({ endOn })
      .where(eq(recurringTransactions.id, id))
      .returning();
    if (!row) throw new Error('recurring transaction vanished');
    return row;
  }

  async markPostedThrough(id: string, date: string): Promise<void> {
    await this.db
      .update(recurringTransactions)
      .set({ postedThrough: date })
      .where(eq(recurringTransactions.id, id));
  }
}
