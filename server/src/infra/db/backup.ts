import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type BackupKind = 'postgres' | 'pglite';

export type BackupErrorCode =
  | 'DATA_DIR_IN_USE'
  | 'NO_DATABASE'
  | 'TOOL_MISSING'
  | 'TOOL_FAILED'
  | 'BACKUP_EXISTS'
  | 'BACKUP_UNREADABLE'
  | 'WRONG_BACKUP_KIND'
  | 'RESTORE_CHECK_FAILED';

/** A backup or restore that did not happen; the message names the cause and what to do. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
}

export interface RestoreResult extends BackupResult {
  /** Tables in the restored `public` schema. */
  tables: number;
  /** Migrations recorded in the restored database. */
  migrations: number;
}

/** `<dir>/pace-<kind>-20260310T150000Z.<ext>`: UTC, sortable, one per second. */
export function defaultBackupFile(dir: string, kind: BackupKind, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(dir, `pace-${kind}-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`);
}

/** Refuses to overwrite a file: backups are never replaced silently. */
export function assertNewFile(file: string): void {
  if (existsSync(file))
    throw new BackupError('BACKUP_EXISTS', `${file} already exists; choose another --out.`);
}

/** Moves a finished `<file>.partial` into place, so a failed run never leaves a file that looks whole. */
export function publishPartial(partial: string, file: string): number {
  renameSync(partial, file);
  return statSync(file).size;
}

export function discardPartial(partial: string): void {
  rmSync(partial, { force: true });
}

/**
 * Which mode a backup file belongs to, from its first bytes: pg_dump's custom format starts with
 * `PGDMP`, the embedded backup is a gzip'd tarball.
 */
export function backupKindOf(file: string): BackupKind | undefined {
  const head = Buffer.alloc(5);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new BackupError(
      'BACKUP_UNREADABLE',
      `cannot read ${file} (${(error as { code?: string }).code ?? String(error)}).`,
    );
  }
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return undefined;
}

const KIND_NAMES: Record<BackupKind, string> = {
  postgres: 'a PostgreSQL backup (pg_dump custom format), restored with DATABASE_URL set',
  pglite: 'an embedded-database backup, restored without DATABASE_URL',
};

export function assertBackupKind(file: string, expected: BackupKind): number {
  const kind = backupKindOf(file);
  if (kind === expected) return statSync(file).size;
  throw new BackupError(
    'WRONG_BACKUP_KIND',
    kind
      ? `${file} is ${KIND_NAMES[kind]}; the configured database needs ${KIND_NAMES[expected]}.`
      : `${file} is not a Pace backup (neither pg_dump custom format nor an embedded tarball).`,
  );
}

type Query = (text: string) => Promise<Array<Record<string, unknown>>>;

/** Checks that a restored database is a Pace database and says what it holds. */
export async function describeRestored(
  query: Query,
): Promise<{ tables: number; migrations: number }> {
  const [found] = await query(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as migrated,
            to_regclass('public.users') is not null as has_users,
            (select count(*) from information_schema.tables
              where table_schema = 'public' and table_type = 'BASE TABLE') as tables`,
  );
  if (found?.migrated !== true || found.has_users !== true)
    throw new BackupError(
      'RESTORE_CHECK_FAILED',
      'the restored database has no Pace schema (drizzle.__drizzle_migrations or users missing).',
    );
  const [applied] = await query('select count(*) as migrations from drizzle.__drizzle_migrations');
  return { tables: Number(found.tables), migrations: Number(applied?.migrations ?? 0) };
}
