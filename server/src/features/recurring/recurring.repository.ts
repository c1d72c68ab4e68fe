import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { recurringTransactions, type RecurringTransactionRow } from './recurring.table';

/** A row to insert; the schedule fields added later default to a plain rule (every 1, no anchor). */
export type NewRecurringRow = Omit<
  RecurringTransactionRow,
  | 'postedThrough'
  | 'interval'
  | 'monthOfYear'
  | 'anchorOn'
  | 'previousId'
  | 'accountId'
  | 'memberId'
> &
  Partial<
    Pick<
      RecurringTransactionRow,
      'interval' | 'monthOfYear' | 'anchorOn' | 'previousId' | 'accountId' | 'memberId'
    >
  >;

function missing(): never {
  throw new Error('recurring transaction vanished');
}

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

  async insert(row: NewRecurringRow): Promise<RecurringTransactionRow> {
    const [inserted] = await this.db
      .insert(recurringTransactions)
      .values(row)
      .onConflictDoNothing()
      .returning();
    return inserted ?? (await this.find(row.id)) ?? missing();
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

  /** The row that continues `id` after an edit from a date on, or null. */
  async findSuccessor(id: string): Promise<RecurringTransactionRow | null> {
    const [row] = await this.db
      .select()
      .from(recurringTransactions)
      .where(eq(recurringTransactions.previousId, id));
    return row ?? null;
  }

  /** Changes a row whose posted occurrences all fall before `from`; null when one does not. */
  async updateBefore(
    id: string,
    from: string,
    changes: Partial<Omit<RecurringTransactionRow, 'id' | 'userId' | 'postedThrough'>>,
  ): Promise<RecurringTransactionRow | null> {
    const [row] = await this.db
      .update(recurringTransactions)
      .set(changes)
      .where(
        and(
          eq(recurringTransactions.id, id),
          or(
            isNull(recurringTransactions.postedThrough),
            lt(recurringTransactions.postedThrough, from),
          ),
        ),
      )
      .returning();
    return row ?? null;
  }

  /**
   * Ends `id` the day before `from` and starts `next` on `from`, in one transaction; null (nothing
   * written) when an occurrence on or after `from` was posted meanwhile.
   */
  async split(
    id: string,
    from: string,
    endOn: string,
    next: RecurringTransactionRow,
  ): Promise<{ previous: RecurringTransactionRow; next: RecurringTransactionRow } | null> {
    return this.db.transaction(async (tx) => {
      const repository = this.with(tx);
      const previous = await repository.updateBefore(id, from, { endOn });
      if (!previous) return null;
      const [inserted] = await tx.insert(recurringTransactions).values(next).returning();
      if (!inserted) throw new Error('recurring split inserted nothing');
      return { previous, next: inserted };
    });
  }
}
