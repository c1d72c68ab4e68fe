import { and, asc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
// The budget's table file, not its front door: that one loads resolvers and, through the error
// catalogue, this feature again while it is loading.
// eslint-disable-next-line no-restricted-imports
import { budgetSettings, nextChangeSeq } from '../budget/budget.table';
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
  | 'changeSeq'
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

/**
 * The lock every synced write of a person holds (their budget settings row, as the budget's
 * writes take it), so change numbers commit in order per person.
 */
async function lockPerson(tx: Db, userId: string): Promise<void> {
  await tx
    .select({ userId: budgetSettings.userId })
    .from(budgetSettings)
    .where(eq(budgetSettings.userId, userId))
    .for('update');
}

/** Whose budget a rule belongs to; null when it does not exist. */
async function ownerOf(tx: Db, id: string): Promise<string | null> {
  const [row] = await tx
    .select({ userId: recurringTransactions.userId })
    .from(recurringTransactions)
    .where(eq(recurringTransactions.id, id));
  return row?.userId ?? null;
}

/**
 * Recurring transactions. Every write (an edit, an end, a posting moving `postedThrough`) takes a
 * new change number under the person's budget lock, so `changes(since)` lists it.
 */
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

  /** Rules written after change number `since` (ended ones included), oldest first. */
  async listChangedSince(
    userId: string,
    since: number,
    limit: number,
  ): Promise<RecurringTransactionRow[]> {
    return this.db
      .select()
      .from(recurringTransactions)
      .where(
        and(eq(recurringTransactions.userId, userId), gt(recurringTransactions.changeSeq, since)),
      )
      .orderBy(asc(recurringTransactions.changeSeq))
      .limit(limit);
  }

  /** Ids of users with at least one recurring transaction. */
  async listUserIds(): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ userId: recurringTransactions.userId })
      .from(recurringTransactions);
    return rows.map((r) => r.userId);
  }

  async insert(row: NewRecurringRow): Promise<RecurringTransactionRow> {
    const inserted = await this.db.transaction(async (tx) => {
      await lockPerson(tx, row.userId);
      const [written] = await tx
        .insert(recurringTransactions)
        .values({ ...row, changeSeq: nextChangeSeq() })
        .onConflictDoNothing()
        .returning();
      return written;
    });
    return inserted ?? (await this.find(row.id)) ?? missing();
  }

  async setEndOn(id: string, endOn: string): Promise<RecurringTransactionRow> {
    return this.changeOwned(id, async (tx) => {
      const [row] = await tx
        .update(recurringTransactions)
        .set({ endOn, changeSeq: nextChangeSeq() })
        .where(eq(recurringTransactions.id, id))
        .returning();
      return row ?? missing();
    });
  }

  /** Records the last occurrence posted; devices learn of it (a new change number). */
  async markPostedThrough(id: string, date: string): Promise<void> {
    await this.changeOwned(id, async (tx) => {
      await tx
        .update(recurringTransactions)
        .set({ postedThrough: date, changeSeq: nextChangeSeq() })
        .where(eq(recurringTransactions.id, id));
    });
  }

  /** Runs `work` in a transaction holding the lock of the person whose budget `id` is in. */
  private async changeOwned<T>(id: string, work: (tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const userId = await ownerOf(tx, id);
      if (!userId) missing();
      await lockPerson(tx, userId);
      return work(tx);
    });
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
    changes: Partial<
      Omit<RecurringTransactionRow, 'id' | 'userId' | 'postedThrough' | 'changeSeq'>
    >,
  ): Promise<RecurringTransactionRow | null> {
    return this.changeOwned(id, (tx) => updateBeforeIn(tx, id, from, changes));
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
    return this.changeOwned(id, async (tx) => {
      const previous = await updateBeforeIn(tx, id, from, { endOn });
      if (!previous) return null;
      const [inserted] = await tx
        .insert(recurringTransactions)
        .values({ ...next, changeSeq: nextChangeSeq() })
        .returning();
      if (!inserted) throw new Error('recurring split inserted nothing');
      return { previous, next: inserted };
    });
  }
}

/** `updateBefore` inside a transaction already holding the person's lock. */
async function updateBeforeIn(
  tx: Db,
  id: string,
  from: string,
  changes: Partial<Omit<RecurringTransactionRow, 'id' | 'userId' | 'postedThrough' | 'changeSeq'>>,
): Promise<RecurringTransactionRow | null> {
  const [row] = await tx
    .update(recurringTransactions)
    .set({ ...changes, changeSeq: nextChangeSeq() })
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
