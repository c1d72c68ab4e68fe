import { and, asc, desc, eq, gt, inArray, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
// The budget's table file, not its front door: that one loads resolvers and, through the error
// catalogue, this feature again while it is loading.
// eslint-disable-next-line no-restricted-imports
import { budgetSettings, nextChangeSeq } from '../budget/budget.table';
import { receipts, type ReceiptRow, type ReceiptStatus } from './receipt.table';

export type ReceiptChanges = Partial<Omit<ReceiptRow, 'id' | 'userId' | 'createdAt' | 'changeSeq'>>;

/** A position in the newest-first list: the row's instant and id. */
export interface ReceiptPosition {
  createdAt: Date;
  id: string;
}

/**
 * Receipts and their processing state. A change of status (or of the linked transaction) takes a
 * new change number for `changes(since)` while holding the person's budget lock, as every synced
 * write does, so numbers commit in order per person; progress updates take none.
 */
export class ReceiptRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<ReceiptRow | null> {
    const [row] = await this.db.select().from(receipts).where(eq(receipts.id, id));
    return row ?? null;
  }

  async insert(row: Omit<ReceiptRow, 'changeSeq'>): Promise<void> {
    await this.insertUnlessExists(row);
  }

  /** Inserts unless the id exists (a repeated upload of a linked receipt); false when it did. */
  async insertUnlessExists(row: Omit<ReceiptRow, 'changeSeq'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await lockPerson(tx, row.userId);
      const inserted = await tx
        .insert(receipts)
        .values({ ...row, changeSeq: nextChangeSeq() })
        .onConflictDoNothing({ target: receipts.id })
        .returning({ id: receipts.id });
      return inserted.length > 0;
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(receipts).where(eq(receipts.id, id));
  }

  /**
   * Changes the receipt only while its status is one of `from` (a job never overwrites a receipt
   * confirmed or discarded meanwhile); the row as changed, or null when it was not.
   */
  async update(
    id: string,
    changes: ReceiptChanges,
    from: readonly ReceiptStatus[],
  ): Promise<ReceiptRow | null> {
    const where = and(eq(receipts.id, id), inArray(receipts.status, [...from]));
    const synced = changes.status !== undefined || changes.transactionId !== undefined;
    if (!synced) {
      const [row] = await this.db.update(receipts).set(changes).where(where).returning();
      return row ?? null;
    }
    return this.db.transaction(async (tx) => {
      const [owner] = await tx
        .select({ userId: receipts.userId })
        .from(receipts)
        .where(eq(receipts.id, id));
      if (!owner) return null;
      await lockPerson(tx, owner.userId);
      const [row] = await tx
        .update(receipts)
        .set({ ...changes, changeSeq: nextChangeSeq() })
        .where(where)
        .returning();
      return row ?? null;
    });
  }

  /**
   * A keyset window of the person's receipts, newest first, discarded ones left out: rows
   * strictly after `after` and before `before`, the first `limit` of them (or the last, for
   * `backward`), returned in list order.
   */
  async listOfUser(
    userId: string,
    options: {
      limit: number;
      after: ReceiptPosition | null;
      before?: ReceiptPosition | null;
      backward?: boolean;
    },
  ): Promise<ReceiptRow[]> {
    const { after, before, backward } = options;
    const direction = backward ? asc : desc;
    const rows = await this.db
      .select()
      .from(receipts)
      .where(
        and(
          eq(receipts.userId, userId),
          ne(receipts.status, 'DISCARDED'),
          after
            ? or(
                lt(receipts.createdAt, after.createdAt),
                and(eq(receipts.createdAt, after.createdAt), lt(receipts.id, after.id)),
              )
            : undefined,
          before
            ? or(
                gt(receipts.createdAt, before.createdAt),
                and(eq(receipts.createdAt, before.createdAt), gt(receipts.id, before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(direction(receipts.createdAt), direction(receipts.id))
      .limit(options.limit);
    return backward ? rows.reverse() : rows;
  }

  /** Receipts written after change number `since` (discarded ones included), oldest first. */
  async listChangedSince(userId: string, since: number, limit: number): Promise<ReceiptRow[]> {
    return this.db
      .select()
      .from(receipts)
      .where(and(eq(receipts.userId, userId), gt(receipts.changeSeq, since)))
      .orderBy(asc(receipts.changeSeq))
      .limit(limit);
  }

  /** Receipts whose processing has not ended (for re-queueing after a restart). */
  async listUnfinished(limit: number): Promise<ReceiptRow[]> {
    return this.db
      .select()
      .from(receipts)
      .where(inArray(receipts.status, ['UPLOADED', 'PROCESSING']))
      .orderBy(receipts.createdAt)
      .limit(limit);
  }
}

/**
 * The lock every synced write of a person holds (their budget settings row, as the budget's
 * writes take it). Before onboarding there is no row and nothing else of theirs is synced.
 */
async function lockPerson(tx: Db, userId: string): Promise<void> {
  await tx
    .select({ userId: budgetSettings.userId })
    .from(budgetSettings)
    .where(eq(budgetSettings.userId, userId))
    .for('update');
}
