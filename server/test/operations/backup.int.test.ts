import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/app/start-api';
import { libpqTarget } from '../../src/infra/db/backup-postgres';
import { openPglite } from '../../src/infra/db/pglite';
import { budgetClient, CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  captureMail,
  createPostgresDatabase,
  isDistributed,
  postGraphQL,
  SERVER_DIR,
  signUp,
  testConfig,
  testLogger,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';

/** Runs the built `db:backup` / `db:restore` (server/dist/backup.js) as an operator would. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, [path.join(SERVER_DIR, 'dist/backup.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ code: code ?? -1, out })),
  );
}

async function startNode(config: Record<string, string>): Promise<TestApi> {
  const mail = captureMail();
  const api = await startApi(testConfig(config), {
    logger: testLogger('backup'),
    mailer: mail.mailer,
  });
  return {
    ...api,
    mail,
    graphql: (query, vars, headers) => postGraphQL(api.url, query, vars, headers),
  };
}

/** A person with a budget and a few expenses. */
async function populate(api: TestApi): Promise<TestUser> {
  // A bare API node runs no jobs, so no sign-up mail arrives to verify with.
  const user = await signUp(api, { runsJobs: false });
  const client = budgetClient(api, user);
  await client.call(ONBOARD, { input: US_ONBOARDING });
  for (const amount of ['23.45', '7.10', '112.00'])
    await client.call(CREATE, { input: { amount, categoryId: 'groceries' } });
  return user;
}

async function canLogIn(api: TestApi, user: TestUser): Promise<boolean> {
  const login = await api.graphql<{ login: { accessToken: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: user.email, p: user.password },
  );
  return typeof login.data?.login.accessToken === 'string';
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temporary directory, removed after the file's tests. */
function tempRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pace-backup-'));
  roots.push(root);
  return root;
}

type Query = (text: string) => Promise<Array<Record<string, unknown>>>;

/** Row count and a hash of every row of every table: equal fingerprints, equal data. */
async function fingerprint(query: Query): Promise<Record<string, string>> {
  const tables = await query(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables as Array<{ name: string }>) {
    const [row] = await query(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
         from ${name} t`,
    );
    result[name] = `${String(row?.n)}:${String(row?.h)}`;
  }
  return result;
}

async function pgliteFingerprint(dataDir: string): Promise<Record<string, string>> {
  const database = await openPglite({ dataDir });
  try {
    const client = (
      database.db as unknown as { $client: { query: (t: string) => Promise<{ rows: unknown[] }> } }
    ).$client;
    return await fingerprint(
      async (text) => (await client.query(text)).rows as Array<Record<string, unknown>>,
    );
  } finally {
    await database.close();
  }
}

async function postgresFingerprint(url: string): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return await fingerprint((text) => sql.unsafe(text));
  } finally {
    await sql.end();
  }
}

describe(`backups (${TEST_MODE})`, () => {
  it('pass the PostgreSQL password to the tools in the environment only', () => {
    const target = libpqTarget(
      'postgres://pace:p%40ss%20word@db.example.com:6432/pace?sslmode=require&x=1',
    );
    expect(target.env).toMatchObject({
      PGHOST: 'db.example.com',
      PGPORT: '6432',
      PGUSER: 'pace',
      PGPASSWORD: 'p@ss word',
      PGDATABASE: 'pace',
      PGSSLMODE: 'require',
    });
    expect(target.label).toBe('database "pace" on db.example.com:6432');
    expect(target.ignored).toEqual(['x']);
  });

  it('say so when pg_dump is missing', async () => {
    const out = path.join(tempRoot(), 'x.dump');
    const result = await cli(['backup', '--out', out], {
      PATH: '/nonexistent',
      DATABASE_URL: 'postgres://postgres:hunter2-secret@127.0.0.1:5432/nothing',
    });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/pg_dump was not found on PATH/);
    expect(result.out).not.toContain('hunter2');
    expect(existsSync(out)).toBe(false);
  });
});

describe.runIf(!isDistributed)('embedded backup and restore', () => {
  it('backs up under the data directory lock and restores exactly, also into a fresh directory', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const file = path.join(root, 'backups', 'pace.tar.gz');
    const api = await startNode({ PACE_DATA_DIR: dataDir });
    const user = await populate(api);

    // The server holds the lock: the backup refuses with exit code 2 and writes nothing.
    const refused = await cli(['backup', '--out', file], { PACE_DATA_DIR: dataDir });
    expect(refused.code, refused.out).toBe(2);
    expect(refused.out).toMatch(/in use by a running Pace server.*stop it first/s);
    expect(existsSync(file)).toBe(false);
    await api.stop();

    const before = await pgliteFingerprint(dataDir);
    expect(before['public.transactions']).toMatch(/^3:/);
    const backup = await cli(['backup', '--out', file], { PACE_DATA_DIR: dataDir });
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/wrote .*pace\.tar\.gz \([\d.]+ MiB, \d+ bytes\) in [\d.]+ s/);

    // Change the data after the backup: another expense and another person.
    const later = await startNode({ PACE_DATA_DIR: dataDir });
    await budgetClient(later, user).call(CREATE, {
      input: { amount: '1.00', categoryId: 'groceries' },
    });
    await signUp(later);
    const busy = await cli(['restore', file], { PACE_DATA_DIR: dataDir });
    expect(busy.code, busy.out).toBe(2);
    expect(busy.out).toMatch(/in use by a running Pace server.*stop it first/s);
    await later.stop();
    expect(await pgliteFingerprint(dataDir)).not.toEqual(before);

    const restored = await cli(['restore', file], { PACE_DATA_DIR: dataDir });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/restored .* tables, \d+ migrations recorded/);
    expect(await pgliteFingerprint(dataDir)).toEqual(before);
    // The replaced database is kept aside, never deleted by default.
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pgdata.before-restore-'))).toHaveLength(
      1,
    );

    // A fresh machine: an empty data directory, identical rows, and the person can sign in.
    const freshDir = path.join(root, 'fresh');
    const fresh = await cli(['restore', file, '--discard-previous'], { PACE_DATA_DIR: freshDir });
    expect(fresh.code, fresh.out).toBe(0);
    expect(await pgliteFingerprint(freshDir)).toEqual(before);
    const node = await startNode({ PACE_DATA_DIR: freshDir });
    try {
      expect(await canLogIn(node, user)).toBe(true);
    } finally {
      await node.stop();
    }
  }, 240_000);

  it('puts the current database back when the backup does not restore', async () => {
    const root = tempRoot();
    const dataDir = path.join(root, 'data');
    const api = await startNode({ PACE_DATA_DIR: dataDir });
    await populate(api);
    await api.stop();
    const before = await pgliteFingerprint(dataDir);

    // A gzip stream that is no PGlite tarball.
    const bogus = path.join(root, 'bogus.tar.gz');
    writeFileSync(bogus, gzipSync(Buffer.from('not a database')));
    const result = await cli(['restore', bogus], { PACE_DATA_DIR: dataDir });
    expect(result.code, result.out).toBe(1);
    expect(result.out).toMatch(/could not be restored.*previous database is back in place/s);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pgdata.'))).toEqual([]);
    expect(await pgliteFingerprint(dataDir)).toEqual(before);
  }, 240_000);
});

describe.runIf(isDistributed)('PostgreSQL backup and restore', () => {
  it('pg_dump and pg_restore bring back every row, also into an empty database', async () => {
    const source = await createPostgresDatabase();
    const empty = await createPostgresDatabase();
    // Trust auth ignores the password; it is there to prove it is never printed.
    const withPassword = (url: string) => {
      const parsed = new URL(url);
      parsed.password = 'not-printed-s3cret';
      return parsed.toString();
    };
    const root = tempRoot();
    try {
      const api = await startNode({ DATABASE_URL: source.url });
      const user = await populate(api);
      await api.stop();
      const before = await postgresFingerprint(source.url);
      expect(before['public.transactions']).toMatch(/^3:/);

      const backup = await cli(['backup', '--out', `${root}/`], {
        DATABASE_URL: withPassword(source.url),
      });
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).not.toContain('not-printed-s3cret');
      const [file] = readdirSync(root).filter((f) => /^pace-postgres-\d{8}T\d{6}Z\.dump$/.test(f));
      expect(file).toBeDefined();
      const dump = path.join(root, file ?? '');

      // Destroy: change rows and drop a table.
      const sql = postgres(source.url, { max: 1, onnotice: () => undefined });
      await sql`update transactions set amount_minor = amount_minor + 1`;
      await sql`drop table transactions cascade`;
      await sql.end();
      expect(await postgresFingerprint(source.url)).not.toEqual(before);

      for (const target of [source.url, empty.url]) {
        const restored = await cli(['restore', dump], { DATABASE_URL: withPassword(target) });
        expect(restored.code, restored.out).toBe(0);
        expect(restored.out).not.toContain('not-printed-s3cret');
        expect(await postgresFingerprint(target)).toEqual(before);
      }
      const node = await startNode({ DATABASE_URL: empty.url });
      try {
        expect(await canLogIn(node, user)).toBe(true);
      } finally {
        await node.stop();
      }
    } finally {
      await source.drop();
      await empty.drop();
    }
  }, 240_000);
});
