import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import lockfile from 'proper-lockfile';
import type { Database, Db } from './database';

/** Raised when a second process tries to open a data directory that another process holds. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Pace process. The embedded database ` +
        'allows one process at a time: stop the other one, use another PACE_DATA_DIR, or set ' +
        'DATABASE_URL to run on PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

type PgliteSource = { dataDir: string } | { memory: true; loadDataDir?: Blob };

/**
 * Opens the embedded PostgreSQL (PGlite). A data directory is locked exclusively first, because two
 * processes writing one directory silently lose data.
 */
export async function openPglite(source: PgliteSource): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  let client: PGlite;
  if ('dataDir' in source) {
    const dataDir = path.resolve(source.dataDir);
    mkdirSync(dataDir, { recursive: true });
    try {
      release = await lockfile.lock(dataDir, {
        lockfilePath: path.join(dataDir, '.pace.lock'),
        stale: 15_000,
        update: 5_000,
        realpath: false,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
      throw error;
    }
    client = new PGlite(path.join(dataDir, 'pgdata'));
  } else {
    client = new PGlite(source.loadDataDir ? { loadDataDir: source.loadDataDir } : {});
  }
  try {
    await client.waitReady;
  } catch (error) {
    await release?.();
    throw error;
  }
  const db = drizzle(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

/** Dumps an in-memory PGlite so tests can start many copies of a migrated database quickly. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}
