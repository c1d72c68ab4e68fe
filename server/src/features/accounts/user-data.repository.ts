import { sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { rowsOf } from '../../infra/db/migrate';

/**
 * A person's rows in every table, found by the convention that user-owned rows carry a `user_id`
 * column: features added later are exported and deleted without touching this file.
 */
export class UserDataRepository {
  constructor(private readonly db: Db) {}

  async userOwnedTables(): Promise<string[]> {
    const result = await this.db.execute(sql`
      select c.table_name as name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and c.column_name = 'user_id' and t.table_type = 'BASE TABLE'
      order by c.table_name`);
    return rowsOf<{ name: string }>(result).map((row) => row.name);
  }

  async rowsOf(table: string, userId: string): Promise<Array<Record<string, unknown>>> {
    const result = await this.db.execute(
      sql`select * from ${sql.identifier(table)} where user_id = ${userId}`,
    );
    return rowsOf<Record<string, unknown>>(result);
  }

  async userRow(userId: string): Promise<Record<string, unknown> | null> {
    const result = await this.db.execute(sql`select * from users where id = ${userId}`);
    return rowsOf<Record<string, unknown>>(result)[0] ?? null;
  }

  /** Deletes the person and every row they own, except in `keep` (anonymised by their owners). */
  async deleteEverything(userId: string, keep: string[]): Promise<void> {
    const tables = (await this.userOwnedTables()).filter((table) => !keep.includes(table));
    await this.db.transaction(async (tx) => {
      for (const table of tables)
        await tx.execute(sql`delete from ${sql.identifier(table)} where user_id = ${userId}`);
      await tx.execute(sql`delete from users where id = ${userId}`);
    });
  }
}
