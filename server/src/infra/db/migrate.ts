import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { findRepoPath } from '../fs/repo-paths';
import type { Database } from './database';

/** Raised when the database was migrated by a newer Pace than this one. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly appliedAt: number,
    readonly knownAt: number,
  ) {
    super(
      'The database schema is newer than this version of Pace knows ' +
        `(last applied migration ${new Date(appliedAt).toISOString()}, newest known ` +
        `${new Date(knownAt).toISOString()}). Run the newer version, or restore a matching backup.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

const MIGRATION_LOCK_ID = 7_265_001;

export function migrationsFolder(): string {
  const folder = findRepoPath('drizzle');
  if (!folder) throw new Error('The drizzle/ migrations folder was not found.');
  return folder;
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock serialises nodes starting together.
 * Refuses a database whose newest applied migration is unknown to this build.
 */
export async function migrateDatabase(
  database: Database,
  folder = migrationsFolder(),
): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const run = async () => {
    await assertSchemaNotNewer(database, migrations);
    const before = await appliedCount(database);
    if (database.kind === 'postgres') {
      await migratePostgres(database.db as unknown as PostgresJsDatabase, {
        migrationsFolder: folder,
      });
    } else {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    }
    return (await appliedCount(database)) - before;
  };
  if (database.kind !== 'postgres') return run();
  return database.db.transaction(async (tx) => {
    // A transaction-scoped advisory lock, released at commit even if this node dies.
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
    return run();
  });
}

async function migrationsTableExists(database: Database): Promise<boolean> {
  const result = await database.db.execute<{ exists: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
  );
  return rowsOf<{ exists: boolean }>(result)[0]?.exists === true;
}

async function appliedCount(database: Database): Promise<number> {
  if (!(await migrationsTableExists(database))) return 0;
  const result = await database.db.execute<{ count: string | number }>(
    sql`select count(*) as count from drizzle.__drizzle_migrations`,
  );
  return Number(rowsOf<{ count: string | number }>(result)[0]?.count ?? 0);
}

async function assertSchemaNotNewer(
  database: Database,
  migrations: MigrationMeta[],
): Promise<void> {
  if (!(await migrationsTableExists(database))) return;
  const result = await database.db.execute<{ newest: string | number | null }>(
    sql`select max(created_at) as newest from drizzle.__drizzle_migrations`,
  );
  const newestApplied = Number(rowsOf<{ newest: string | number | null }>(result)[0]?.newest ?? 0);
  const newestKnown = Math.max(0, ...migrations.map((m) => m.folderMillis));
  if (newestApplied > newestKnown) throw new SchemaTooNewError(newestApplied, newestKnown);
}

/** postgres.js returns an array of rows; PGlite returns `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
