// `npm run db:backup` / `npm run db:restore` (server/dist/backup.js backup|restore): backs up or
// restores the configured database — pg_dump/pg_restore with DATABASE_URL, else the embedded one.
// Exit codes: 0 done, 1 failed, 2 the embedded data directory is in use (stop the server first).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from '../src/app/config';
import {
  assertBackupKind,
  BackupError,
  defaultBackupFile,
  type BackupResult,
} from '../src/infra/db/backup';
import { backupPglite, restorePglite } from '../src/infra/db/backup-pglite';
import {
  backupPostgres,
  countOtherSessions,
  libpqTarget,
  restorePostgres,
} from '../src/infra/db/backup-postgres';

const USAGE = `usage:
  npm run db:backup [-- --out <file or directory/>]
  npm run db:restore -- <file> [--discard-previous]`;

// npm runs workspace scripts in server/; relative paths are taken from where npm was started
// (INIT_CWD: the repository root for the root scripts), like the ./.data of `npm start`.
const base = process.env.INIT_CWD ?? process.cwd();
const command = process.argv[2];
const name = `db:${command ?? '?'}`;

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(3),
    options: { out: { type: 'string' }, 'discard-previous': { type: 'boolean' } },
    allowPositionals: true,
  });
  const config = loadConfig();
  const dataDir = path.resolve(base, config.PACE_DATA_DIR);
  if (command === 'backup' && positionals.length === 0)
    printBackup(await backup(config, dataDir, values.out));
  else if (command === 'restore' && positionals.length === 1 && positionals[0])
    await restore(
      config,
      dataDir,
      path.resolve(base, positionals[0]),
      !!values['discard-previous'],
    );
  else fail(USAGE, 1);
} catch (error) {
  if (error instanceof ConfigError) fail(`invalid configuration\n${error.problems.join('\n')}`, 1);
  else if (error instanceof BackupError)
    fail(error.message, error.code === 'DATA_DIR_IN_USE' ? 2 : 1);
  else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    fail(`${(error as Error).message}\n${USAGE}`, 1);
  else fail(error instanceof Error ? error.message : String(error), 1);
}

async function backup(config: Config, dataDir: string, out: string | undefined) {
  const kind = config.DATABASE_URL ? 'postgres' : 'pglite';
  const file = backupFile(kind, dataDir, out);
  if (!config.DATABASE_URL) {
    console.log(`${name}: embedded database in ${dataDir} → ${file}`);
    return backupPglite({ dataDir, file });
  }
  console.log(`${name}: PostgreSQL ${describe(config.DATABASE_URL)} → ${file}`);
  return backupPostgres({ databaseUrl: config.DATABASE_URL, file, baseEnv: process.env });
}

/** `--out` names a file, or a directory (ending in / or existing) for a timestamped name. */
function backupFile(kind: 'postgres' | 'pglite', dataDir: string, out: string | undefined): string {
  // Default: backups/ next to the data directory (./backups beside ./.data).
  if (out === undefined)
    return defaultBackupFile(path.join(path.dirname(dataDir), 'backups'), kind, new Date());
  const target = path.resolve(base, out);
  const isDirectory = /[/\\]$/.test(out) || (existsSync(target) && statSync(target).isDirectory());
  return isDirectory ? defaultBackupFile(target, kind, new Date()) : target;
}

async function restore(config: Config, dataDir: string, file: string, discardPrevious: boolean) {
  assertBackupKind(file, config.DATABASE_URL ? 'postgres' : 'pglite');
  if (!config.DATABASE_URL) {
    console.log(`${name}: ${file} → embedded database in ${dataDir}`);
    const result = await restorePglite({ dataDir, file, discardPrevious });
    printRestore(result);
    if (result.previous)
      console.log(
        `${name}: the replaced database is kept in ${result.previous}; delete it once you are satisfied`,
      );
    return;
  }
  console.log(`${name}: ${file} → PostgreSQL ${describe(config.DATABASE_URL)}`);
  const others = await countOtherSessions(config.DATABASE_URL);
  if (others > 0)
    console.warn(
      `${name}: warning: ${others} other session(s) are connected to this database; stop API ` +
        'nodes and workers before restoring (their statements fail while tables are replaced)',
    );
  printRestore(
    await restorePostgres({ databaseUrl: config.DATABASE_URL, file, baseEnv: process.env }),
  );
}

function describe(databaseUrl: string): string {
  const target = libpqTarget(databaseUrl);
  if (target.ignored.length > 0)
    console.warn(`${name}: URL parameters not passed to the tools: ${target.ignored.join(', ')}`);
  return target.label;
}

function printBackup(result: BackupResult): void {
  console.log(`${name}: wrote ${result.file} (${formatSize(result.bytes)}) in ${seconds(result)}`);
}

function printRestore(result: BackupResult & { tables: number; migrations: number }): void {
  console.log(
    `${name}: restored ${result.file} (${formatSize(result.bytes)}) in ${seconds(result)}: ` +
      `${result.tables} tables, ${result.migrations} migrations recorded ` +
      '(the server applies newer ones at start)',
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? ''}, ${bytes} bytes`;
}

function seconds(result: BackupResult): string {
  return `${(result.durationMs / 1000).toFixed(1)} s`;
}

function fail(message: string, code: number): never {
  console.error(`${name}: ${message}`);
  process.exit(code);
}
