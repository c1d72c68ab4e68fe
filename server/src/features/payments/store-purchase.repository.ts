import { and, eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import type { UserRepository } from '../accounts';
import { storePurchases, type StorePurchaseRow } from './store-purchase.table';

/** The only SQL of store purchases. */
export class StorePurchaseRepository {
  constructor(
    private readonly db: Db,
    /** The accounts' repository on a given connection, for plan changes in the same transaction. */
    private readonly usersOn: (db: Db) => UserRepository,
  ) {}

  transaction<T>(
    work: (repository: StorePurchaseRepository, users: UserRepository) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction((tx) =>
      work(new StorePurchaseRepository(tx, this.usersOn), this.usersOn(tx)),
    );
  }

  /** Records a purchase; false when the store's purchase id was recorded before. */
  async claim(row: StorePurchaseRow): Promise<boolean> {
    const rows = await this.db
      .insert(storePurchases)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: storePurchases.id });
    return rows.length > 0;
  }

  /** The recorded purchase, locked until the transaction ends (renewals of one purchase queue). */
  async findForUpdate(
    platform: StorePurchaseRow['platform'],
    purchaseId: string,
  ): Promise<StorePurchaseRow | null> {
    const [row] = await this.db
      .select()
      .from(storePurchases)
      .where(and(eq(storePurchases.platform, platform), eq(storePurchases.purchaseId, purchaseId)))
      .for('update');
    return row ?? null;
  }

  async extend(id: string, expiresAt: Date, now: Date): Promise<void> {
    await this.db
      .update(storePurchases)
      .set({ expiresAt, updatedAt: now })
      .where(eq(storePurchases.id, id));
  }
}
