import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
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
    release = await lockDataDir(dataDir);
    client = new PGlite(pgdataDir(dataDir));
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

/** Where PGlite keeps its files inside a Pace data directory (the lock sits beside it). */
export function pgdataDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

const LOCK = '.pace.lock';
const OWNER = '.pace.lock.owner';

/**
 * Locks the data directory for this process. A lock left by a process of this machine that no
 * longer runs (killed -9, a crash) is taken over at once; otherwise a lock counts as held until
 * its file is a minute old. The minute is long on purpose: the lock's file is touched by a timer,
 * and a first start's initdb runs synchronously in WebAssembly for many seconds on a busy
 * machine, during which no timer fires (with 15 s, a second process took over a live lock).
 * Throws DataDirLockedError while another process holds it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const take = () =>
    lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, LOCK),
      stale: 60_000,
      update: 10_000,
      realpath: false,
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    if (!isOwnerGone(dataDir)) throw new DataDirLockedError(dataDir);
    rmSync(path.join(dataDir, LOCK), { recursive: true, force: true });
    try {
      release = await take();
    } catch {
      throw new DataDirLockedError(dataDir); // another process took it in between
    }
  }
  writeFileSync(path.join(dataDir, OWNER), JSON.stringify({ pid: process.pid, host: hostname() }));
  return release;
}

/** True when the lock's owner was a process of this machine that is no longer running. */
function isOwnerGone(dataDir: string): boolean {
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(readFileSync(path.join(dataDir, OWNER), 'utf8')) as typeof owner;
  } catch {
    return false; // no owner recorded: wait for staleness as before
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false; // alive (or not ours to signal): the lock holds
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH';
  }
}

/** Dumps an in-memory PGlite so tests can start many copies of a migrated database quickly. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}
