import { eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import {
  importJobs,
  transactionImports,
  type ImportJobRow,
  type TransactionImportRow,
} from './import.table';

/** Committed imports, one per client import id. */
export class ImportRepository {
  constructor(private readonly db: Db) {}

  with(tx: Db): ImportRepository {
    return new ImportRepository(tx);
  }

  async find(id: string): Promise<TransactionImportRow | null> {
    const [row] = await this.db
      .select()
      .from(transactionImports)
      .where(eq(transactionImports.id, id));
    return row ?? null;
  }

  async insert(row: TransactionImportRow): Promise<void> {
    await this.db.insert(transactionImports).values(row);
  }

  async findJob(id: string): Promise<ImportJobRow | null> {
    const [row] = await this.db.select().from(importJobs).where(eq(importJobs.id, id));
    return row ?? null;
  }

  /** Adds the job unless its id exists; false when it did. */
  async insertJob(row: ImportJobRow): Promise<boolean> {
    const rows = await this.db
      .insert(importJobs)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: importJobs.id });
    return rows.length > 0;
  }

  async updateJob(
    id: string,
    changes: Partial<
      Pick<ImportJobRow, 'status' | 'progress' | 'request' | 'report' | 'failure' | 'updatedAt'>
    >,
  ): Promise<void> {
    await this.db.update(importJobs).set(changes).where(eq(importJobs.id, id));
  }
}
