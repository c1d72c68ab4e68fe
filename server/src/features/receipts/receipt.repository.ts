import { and, desc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { receipts, type ReceiptRow, type ReceiptStatus } from './receipt.table';

export type ReceiptChanges = Partial<Omit<ReceiptRow, 'id' | 'userId' | 'createdAt'>>;

/** Receipts and their processing state. */
export class ReceiptRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<ReceiptRow | null> {
    const [row] = await this.db.select().from(receipts).where(eq(receipts.id, id));
    return row ?? null;
  }

  async insert(row: ReceiptRow): Promise<void> {
    await this.db.insert(receipts).values(row);
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
    const [row] = await this.db
      .update(receipts)
      .set(changes)
      .where(and(eq(receipts.id, id), inArray(receipts.status, [...from])))
      .returning();
    return row ?? null;
  }

  /** A page of the person's receipts, newest first, discarded ones left out. */
  async listOfUser(
    userId: string,
    options: { limit: number; after: { createdAt: Date; id: string } | null },
  ): Promise<ReceiptRow[]> {
    const { after } = options;
    return this.db
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
        ),
      )
      .orderBy(desc(receipts.createdAt), desc(receipts.id))
      .limit(options.limit);
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
