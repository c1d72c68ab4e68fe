import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/infra/db/database';
import { migrateDatabase, rowsOf, SchemaTooNewError } from '../../src/infra/db/migrate';
import { createTestDatabase, TEST_MODE } from '../kit';

describe(`migrations (${TEST_MODE})`, () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
  });

  it('are applied once; running again applies nothing', async () => {
    database = await createTestDatabase();
    expect(await migrateDatabase(database)).toBe(0);
    const tables = rowsOf<{ name: string }>(
      await database.db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
      ),
    );
    expect(tables.map((t) => t.name)).toContain('system_checks');
  });

  it('refuse a database migrated by a newer build', async () => {
    database = await createTestDatabase();
    const future = Date.now() + 365 * 24 * 3600 * 1000;
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', ${future})`,
    );
    await expect(migrateDatabase(database)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(migrateDatabase(database)).rejects.toThrow(/newer than this version of Pace/);
  });
});
