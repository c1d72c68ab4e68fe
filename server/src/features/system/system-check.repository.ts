import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { systemChecks, type SystemCheckRow } from './system-check.table';

export class SystemCheckRepository {
  constructor(private readonly db: Db) {}

  async insert(row: {
    id: string;
    requestedByNode: string;
    createdAt: Date;
  }): Promise<SystemCheckRow> {
    const [inserted] = await this.db.insert(systemChecks).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  async find(id: string): Promise<SystemCheckRow | null> {
    const [row] = await this.db.select().from(systemChecks).where(eq(systemChecks.id, id));
    return row ?? null;
  }

  async recordDelivery(id: string): Promise<void> {
    await this.db
      .update(systemChecks)
      .set({ deliveries: sql`${systemChecks.deliveries} + 1` })
      .where(eq(systemChecks.id, id));
  }

  /** Completes a pending check; returns null when it was already completed (or never existed). */
  async complete(
    id: string,
    processedByNode: string,
    completedAt: Date,
  ): Promise<SystemCheckRow | null> {
    const [row] = await this.db
      .update(systemChecks)
      .set({ status: 'completed', processedByNode, completedAt })
      .where(and(eq(systemChecks.id, id), eq(systemChecks.status, 'pending')))
      .returning();
    return row ?? null;
  }
}
