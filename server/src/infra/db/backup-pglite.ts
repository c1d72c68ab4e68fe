import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  assertBackupKind,
  assertNewFile,
  BackupError,
  describeRestored,
  discardPartial,
  publishPartial,
  type BackupResult,
  type RestoreResult,
} from './backup';
import { DEV_KEY_FILE } from '../crypto/keyring';
import { DataDirLockedError, lockDataDir, pgdataDir } from './pglite';

export interface PgliteBackupOptions {
  dataDir: string;
  file: string;
}

export interface PgliteRestoreOptions {
  dataDir: string;
  file: string;
  /** Delete the previous database once the restored one opened and checked out. */
  discardPrevious?: boolean;
}

/**
 * The development encryption key kept in the data directory (no ENCRYPTION_KEYS) travels beside
 * the backup as `<file>.encryption.key`: without it the restored data could not be read. Keys from
 * ENCRYPTION_KEYS are never written here; they are kept apart from the backups (docs/operations.md).
 */
export const backupKeyFile = (file: string): string => `${file}.encryption.key`;

export interface PgliteRestoreResult extends RestoreResult {
  /** Where the database that was replaced now is (unless discarded). */
  previous?: string;
}

/**
 * A consistent copy of the embedded database: under the data directory's lock (so no server or
 * worker writes meanwhile), checkpointed, dumped by PGlite as a gzip'd tarball of its directory.
 */
export async function backupPglite(options: PgliteBackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const dataDir = path.resolve(options.dataDir);
  if (!existsSync(path.join(pgdataDir(dataDir), 'PG_VERSION')))
    throw new BackupError(
      'NO_DATABASE',
      `there is no embedded database in ${dataDir} (is PACE_DATA_DIR right?).`,
    );
  assertNewFile(options.file);
  const release = await lock(dataDir);
  const partial = `${options.file}.partial`;
  try {
    const client = new PGlite(pgdataDir(dataDir));
    try {
      await client.waitReady;
      await client.exec('checkpoint');
      const tarball = await client.dumpDataDir('gzip');
      mkdirSync(path.dirname(options.file), { recursive: true });
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await client.close();
    }
    const bytes = publishPartial(partial, options.file);
    const devKey = path.join(dataDir, DEV_KEY_FILE);
    if (existsSync(devKey)) {
      copyFileSync(devKey, backupKeyFile(options.file));
      chmodSync(backupKeyFile(options.file), 0o600);
    }
    return { file: options.file, bytes, durationMs: Date.now() - started };
  } catch (error) {
    discardPartial(partial);
    throw error;
  } finally {
    await release();
  }
}

/**
 * Replaces the embedded database with a backup, under the data directory's lock. The current
 * database is renamed aside first and put back if the backup does not open as a Pace database.
 */
export async function restorePglite(options: PgliteRestoreOptions): Promise<PgliteRestoreResult> {
  const started = Date.now();
  const dataDir = path.resolve(options.dataDir);
  const bytes = assertBackupKind(options.file, 'pglite');
  const tarball = new Blob([readFileSync(options.file)]);
  mkdirSync(dataDir, { recursive: true });
  const release = await lock(dataDir);
  try {
    const current = pgdataDir(dataDir);
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const previous = existsSync(current) ? `${current}.before-restore-${stamp}` : undefined;
    if (previous) renameSync(current, previous);
    // The backup's development key comes with it; the key of the database set aside stays beside it.
    const devKey = path.join(dataDir, DEV_KEY_FILE);
    const keptKey = `${devKey}.before-restore-${stamp}`;
    const withKey = existsSync(backupKeyFile(options.file));
    if (withKey && existsSync(devKey)) renameSync(devKey, keptKey);
    if (withKey) {
      copyFileSync(backupKeyFile(options.file), devKey);
      chmodSync(devKey, 0o600);
    }
    let summary: { tables: number; migrations: number };
    try {
      summary = await loadAndCheck(current, tarball);
    } catch (error) {
      rmSync(current, { recursive: true, force: true });
      if (previous) renameSync(previous, current);
      if (withKey) rmSync(devKey, { force: true });
      if (existsSync(keptKey)) renameSync(keptKey, devKey);
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackupError(
        'RESTORE_CHECK_FAILED',
        `${options.file} could not be restored: ${reason}\nThe previous database is back in place.`,
      );
    }
    if (previous && options.discardPrevious) {
      rmSync(previous, { recursive: true, force: true });
      rmSync(keptKey, { force: true });
    }
    return {
      file: options.file,
      bytes,
      durationMs: Date.now() - started,
      ...summary,
      ...(previous && !options.discardPrevious ? { previous } : {}),
    };
  } finally {
    await release();
  }
}

async function loadAndCheck(
  pgdata: string,
  tarball: Blob,
): Promise<{ tables: number; migrations: number }> {
  const client = new PGlite(pgdata, { loadDataDir: tarball });
  try {
    await client.waitReady;
    return await describeRestored(
      async (text) => (await client.query<Record<string, unknown>>(text)).rows,
    );
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function lock(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      'DATA_DIR_IN_USE',
      `the data directory ${dataDir} is in use by a running Pace server, worker or db: command. ` +
        'The embedded database allows one process at a time: stop it first, then run this again.',
    );
  }
}
