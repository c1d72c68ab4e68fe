import { eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { spendingClusters, type SpendingClustersRow } from './spending-cluster.table';

/** The stored spending clusters, one row per person. */
export class SpendingClusterRepository {
  constructor(private readonly db: Db) {}

  async find(userId: string): Promise<SpendingClustersRow | null> {
    const [row] = await this.db
      .select()
      .from(spendingClusters)
      .where(eq(spendingClusters.userId, userId));
    return row ?? null;
  }

  /** Stores a result, replacing the person's previous one. */
  async save(row: SpendingClustersRow): Promise<void> {
    const { ledgerRevision, methodVersion, result, computedAt } = row;
    await this.db.insert(spendingClusters).values(row).onConflictDoUpdate({
      target: spendingClusters.userId,
      set: { ledgerRevision, methodVersion, result, computedAt },
    });
  }
}
