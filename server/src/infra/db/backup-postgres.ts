import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
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

/** URL query parameters that have a libpq environment variable of their own. */
const PARAMETER_ENV: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  application_name: 'PGAPPNAME',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  options: 'PGOPTIONS',
  target_session_attrs: 'PGTARGETSESSIONATTRS',
};

export interface LibpqTarget {
  /** PG* variables for pg_dump / pg_restore: the password never goes on a command line. */
  env: Record<string, string>;
  /** `database "pace" on db.example.com:5432` — safe to print. */
  label: string;
  /** URL parameters that have no libpq equivalent here (names only). */
  ignored: string[];
}

/** Turns a `postgres://` URL into libpq environment variables. */
export function libpqTarget(databaseUrl: string): LibpqTarget {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {};
  const set = (name: string, value: string) => {
    if (value) env[name] = decodeURIComponent(value);
  };
  set('PGHOST', url.hostname.replace(/^\[(.*)\]$/, '$1'));
  set('PGPORT', url.port);
  set('PGUSER', url.username);
  set('PGPASSWORD', url.password);
  set('PGDATABASE', url.pathname.replace(/^\//, ''));
  const ignored: string[] = [];
  for (const [key, value] of url.searchParams) {
    const name = PARAMETER_ENV[key];
    if (name) env[name] = value;
    else if (key === 'ssl' && value !== 'false' && value !== 'disable')
      env.PGSSLMODE = value === 'true' ? 'require' : value;
    else ignored.push(key);
  }
  const host = env.PGHOST ?? 'localhost';
  const label = `database "${env.PGDATABASE ?? env.PGUSER ?? ''}" on ${host}:${env.PGPORT ?? '5432'}`;
  return { env, label, ignored };
}

export interface PostgresBackupOptions {
  databaseUrl: string;
  file: string;
  /** The environment the tools inherit (PATH to find them); the URL's PG* variables override it. */
  baseEnv: NodeJS.ProcessEnv;
}

/** `pg_dump --format=custom` of the whole database into `file` (written aside, then renamed). */
export async function backupPostgres(options: PostgresBackupOptions): Promise<BackupResult> {
  const started = Date.now();
  assertNewFile(options.file);
  mkdirSync(path.dirname(options.file), { recursive: true });
  const partial = `${options.file}.partial`;
  const { env } = libpqTarget(options.databaseUrl);
  try {
    await runTool('pg_dump', ['--format=custom', `--file=${partial}`], {
      ...options.baseEnv,
      ...env,
    });
  } catch (error) {
    discardPartial(partial);
    throw error;
  }
  const bytes = publishPartial(partial, options.file);
  return { file: options.file, bytes, durationMs: Date.now() - started };
}

/**
 * `pg_restore --clean --if-exists --no-owner --single-transaction` into the configured database:
 * every object of the backup is dropped and recreated in one transaction, or nothing changes.
 */
export async function restorePostgres(options: PostgresBackupOptions): Promise<RestoreResult> {
  const started = Date.now();
  const bytes = assertBackupKind(options.file, 'postgres');
  const { env } = libpqTarget(options.databaseUrl);
  // pg_restore writes a script to stdout unless --dbname is given; the name alone, as a conninfo
  // string, keeps host, user and password in the environment.
  const dbname = `dbname='${(env.PGDATABASE ?? '').replace(/[\\']/g, '\\$&')}'`;
  await runTool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${dbname}`,
      options.file,
    ],
    { ...options.baseEnv, ...env },
  );
  const summary = await withClient(options.databaseUrl, (sql) =>
    describeRestored((text) => sql.unsafe(text)),
  );
  return { file: options.file, bytes, durationMs: Date.now() - started, ...summary };
}

/** Sessions on the configured database other than this one (API nodes, workers, psql). */
export async function countOtherSessions(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (sql) => {
    const [row] = await sql<[{ count: string }]>`
      select count(*) as count from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`;
    return Number(row.count);
  });
}

async function withClient<T>(url: string, use: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return await use(sql);
  } finally {
    await sql.end();
  }
}

const STDERR_KEPT = 4000;

/** Runs a PostgreSQL client tool; its stderr becomes the error when it fails. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              'TOOL_MISSING',
              `${tool} was not found on PATH. Install the PostgreSQL client tools of the ` +
                "server's major version or newer (Debian: apt-get install postgresql-client).",
            )
          : error,
      );
    });
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      const status = code === null ? `signal ${String(signal)}` : `exit code ${code}`;
      reject(new BackupError('TOOL_FAILED', `${tool} failed (${status}):\n${stderr.trim()}`));
    });
  });
}
