import { eq } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { transactionImports, type TransactionImportRow } from './import.table';

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
}
