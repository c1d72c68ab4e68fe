// API benchmarks B1 dashboard, B2 live update, B5 write path, B6 ORM of docs/benchmarks, plus the
// 100k-transaction user's dashboard and transactions page, on the distributed setup of this machine:
// a fresh PostgreSQL database on 127.0.0.1:5432, Redis on 127.0.0.1:6379 and one API node built
// into dist/ and run as a child process (so the load generator's CPU is its own). Each measure
// alternates Pace and its baseline (A B A B …) and reports medians over BENCH_ROUNDS rounds.
// Writes bench/results/api.json and api.md.
//
//   cd server && npx tsx bench/api.ts
//   BENCH_USERS=20 BENCH_MONTHS=3 BENCH_TX_PER_DAY=5 BENCH_BIG_TX=100000 BENCH_BIG_MONTHS=24
//   BENCH_ROUNDS=3 BENCH_ROUND_MS=3000 BENCH_CONCURRENCY=20 BENCH_IDLE_SUBSCRIBERS=1000 BENCH_RATE=200
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import WebSocket from 'ws';
import { localDateOf, monthOf } from '@pace/engine';
import { BudgetRepository } from '../src/features/budget';
import { decodeSnapshot, type StoredSnapshot } from '../src/features/budget/month-snapshot.rules';
import { TransactionRepository } from '../src/features/transactions';
import { FieldCipher } from '../src/infra/crypto/field-cipher';
import { preparingClient } from '../src/infra/db/postgres';
import type { Db } from '../src/infra/db/database';
import {
  bearer,
  insertLedger,
  recomputeThroughApi,
  registerUsers,
  TIME_ZONE,
  type SeededUser,
} from './api-seed';
import {
  BUDGET_UPDATED,
  closedLoop,
  CREATE,
  DASHBOARD,
  dataOf,
  httpClient,
  median,
  pacedLoad,
  percentile,
  round,
  TRANSACTIONS_PAGE,
  type LoadResult,
} from './api-shared';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const USERS = env('BENCH_USERS', 20);
const MONTHS = env('BENCH_MONTHS', 3);
const TX_PER_DAY = env('BENCH_TX_PER_DAY', 5);
const BIG_TX = env('BENCH_BIG_TX', 100_000);
const BIG_MONTHS = env('BENCH_BIG_MONTHS', 24);
const ROUNDS = Math.max(3, env('BENCH_ROUNDS', 3));
const ROUND_MS = env('BENCH_ROUND_MS', 3000);
const CONCURRENCY = env('BENCH_CONCURRENCY', 20);
const IDLE_SUBSCRIBERS = env('BENCH_IDLE_SUBSCRIBERS', 1000);
const RATE = env('BENCH_RATE', 200);
const ORM_CALLS = env('BENCH_ORM_CALLS', 300);

const ADMIN_URL =
  process.env.PACE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.PACE_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const serverDir = path.resolve(import.meta.dirname, '..');
const rootDir = path.resolve(serverDir, '..');

const log = (message: string) =>
  console.log(`[api bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** CPU seconds (user + system) of a child process so far, from /proc. */
function childCpuSeconds(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Samples pg_stat_activity of the API node's connections every 10 ms and counts them by state
 * (`active`, `active: IO/WalSync`, `idle in transaction`, `Lock/transactionid`, …).
 */
function sampleBackends(url: string, database: string, into: Map<string, number>) {
  const probe = postgres(url, { max: 1, onnotice: () => undefined });
  let running = true;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      const rows = await probe<Array<{ state: string | null; wait: string | null }>>`
        select state, wait_event_type || '/' || wait_event as wait from pg_stat_activity
        where datname = ${database} and application_name = 'pace' and pid <> pg_backend_pid()`;
      samples += 1;
      for (const row of rows) {
        if (row.state === 'idle' && row.wait === 'Client/ClientRead') continue;
        const key = row.wait ? `${row.state ?? '?'}: ${row.wait}` : (row.state ?? '?');
        into.set(key, (into.get(key) ?? 0) + 1);
      }
      await sleep(10);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await probe.end({ timeout: 1 });
      return samples;
    },
  };
}

interface Side {
  perSecond: number[];
  p50: number[];
  p99: number[];
}
const emptySide = (): Side => ({ perSecond: [], p50: [], p99: [] });
function record(side: Side, result: LoadResult) {
  side.perSecond.push(result.perSecond);
  side.p50.push(percentile(result.latenciesMs, 50));
  side.p99.push(percentile(result.latenciesMs, 99));
}
const summary = (side: Side) => ({
  perSecond: round(median(side.perSecond), 1),
  p50Ms: round(median(side.p50)),
  p99Ms: round(median(side.p99)),
  samples: {
    perSecond: side.perSecond.map((v) => round(v, 1)),
    p50Ms: side.p50.map((v) => round(v)),
    p99Ms: side.p99.map((v) => round(v)),
  },
});

// ── set-up ──────────────────────────────────────────────────────────────────────────────────────
const children: ChildProcess[] = [];
const dbName = `pace_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
const prefix = `pbench_${randomBytes(3).toString('hex')}`;
const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => undefined });
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
const redis = new Redis(REDIS_URL);
const generatorCpu0 = process.cpuUsage();
const wall0 = performance.now();
const phases: Record<
  string,
  { wallS: number; generatorCpuShare: number; serverCpuShare: number; loadAverage1m: number }
> = {};
let apiProcess: ChildProcess | undefined;

const ONLY = process.env.BENCH_ONLY?.split(',');
async function phase<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  if (ONLY && name !== 'seed' && !ONLY.some((id) => name.startsWith(id))) return undefined;
  const cpu0 = process.cpuUsage();
  const server0 = apiProcess ? childCpuSeconds(apiProcess) : Number.NaN;
  const t0 = performance.now();
  log(`${name} …`);
  const value = await work();
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  phases[name] = {
    wallS: round(wallS, 1),
    generatorCpuShare: round((cpu.user + cpu.system) / 1e6 / wallS),
    serverCpuShare: apiProcess
      ? round((childCpuSeconds(apiProcess) - server0) / wallS)
      : Number.NaN,
    loadAverage1m: round(loadavg()[0] ?? 0),
  };
  return value;
}

function startChild(
  command: string,
  args: string[],
  childEnv: Record<string, string>,
): ChildProcess {
  const child = spawn(command, args, {
    cwd: serverDir,
    env: { ...process.env, ...childEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.resume();
  children.push(child);
  return child;
}

await admin.unsafe(`create database "${dbName}"`);
const facts = {
  commit: execFileSync('git', ['-C', rootDir, 'rev-parse', '--short', 'HEAD']).toString().trim(),
  node: process.version,
  postgres:
    (await admin<Array<{ server_version: string }>>`show server_version`)[0]?.server_version ??
    'unknown',
  redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown',
  nproc: availableParallelism(),
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((v) => round(v)),
};

const results: Record<string, unknown> = {};
const rows: Array<{
  id: string;
  measure: string;
  pace: string;
  baseline: string;
  ratio: string;
  goal: string;
  met: string;
}> = [];
const yesNo = (ok: boolean) => (ok ? 'yes' : 'no');
// The API node runs as in production (encryption keys required); the SQL rounds read with the same key.
const benchKey = { id: 'bench', key: randomBytes(32) };
const benchCipher = new FieldCipher({ keys: [benchKey], activeKeyId: benchKey.id });

try {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  const apiPort = await freePort();
  // BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API node.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // BENCH_API_ENTRY runs another build of the API (say, an older commit's) against the same harness.
  const entry = process.env.BENCH_API_ENTRY ?? 'dist/main.js';
  apiProcess = startChild(process.execPath, [...nodeArgs, entry], {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    PACE_KEY_PREFIX: prefix,
    PACE_NODE_ID: 'bench-api',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    PASSWORD_HASH_MEMORY_KIB: '1024',
    ACCESS_TOKEN_TTL_S: '7200',
    RATE_LIMIT_REGISTER: '100000/1m',
    RATE_LIMIT_LOGIN: '100000/1m',
    RATE_LIMIT_ANONYMOUS: '100000/1m',
    RATE_LIMIT_ANONYMOUS_REQUESTS: '100000000/1m',
    RATE_LIMIT_LOGIN_FAILURES: '100000/1m',
    RATE_LIMIT_API_STANDARD: '100000000/1m',
    RATE_LIMIT_API_PREMIUM: '100000000/1m',
    GRAPHQL_MAX_COMPLEXITY: '100000',
    ENCRYPTION_KEYS: `${benchKey.id}:${benchKey.key.toString('base64')}`,
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${apiUrl}/health`);
  const pace = httpClient(apiUrl, CONCURRENCY);
  const sql = postgres(databaseUrl, { max: CONCURRENCY, onnotice: () => undefined });

  // ── seed ──────────────────────────────────────────────────────────────────────────────────────
  const seed = await phase('seed', async () => {
    const users = await registerUsers(pace, 'user', USERS);
    const [big] = await registerUsers(pace, 'big', 1);
    const idle = await registerUsers(pace, 'idle', Math.max(1, Math.ceil(IDLE_SUBSCRIBERS / 100)));
    const perUser = Math.round(TX_PER_DAY * 30.4 * MONTHS);
    let inserted = 0;
    for (const [i, user] of users.entries())
      inserted += await insertLedger(sql, user, { count: perUser, months: MONTHS, seed: 1000 + i });
    inserted += await insertLedger(sql, big!, { count: BIG_TX, months: BIG_MONTHS, seed: 7 });
    await sql`analyze transactions`;
    await recomputeThroughApi(pace, [...users, big!]);
    return { users, big: big!, idle, inserted };
  });
  const { users, big, idle } = seed!;
  const viewer = users[0]!;
  results.seed = {
    users: USERS,
    months: MONTHS,
    txPerDay: TX_PER_DAY,
    txPerUser: Math.round(TX_PER_DAY * 30.4 * MONTHS),
    bigUserTx: BIG_TX,
    bigUserMonths: BIG_MONTHS,
    idleUsers: idle.length,
    rowsInserted: seed!.inserted,
    snapshotBytes: await sql<
      Array<{ user: string; stored: number; text: number }>
    >`select case when user_id = ${big.userId} then 'big' else 'seeded' end as user, pg_column_size(snapshot) as stored, length(snapshot::text) as text
      from budget_month_snapshots where user_id in (${viewer.userId}, ${big.userId})`.then((r) =>
      r.map((x) => ({ ...x })),
    ),
  };
  console.log(results.seed);

  // ── B1 dashboard ──────────────────────────────────────────────────────────────────────────────
  const baselinePort = await freePort();
  startChild(path.join(rootDir, 'node_modules/.bin/tsx'), ['bench/api-baseline-server.ts'], {
    DATABASE_URL: databaseUrl,
    PORT: String(baselinePort),
  });
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  const baseline = httpClient(baselineUrl, CONCURRENCY);
  {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        dataOf(await baseline.post({ query: DASHBOARD }, { 'x-viewer': viewer.userId }));
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(200);
      }
    }
  }
  await phase('B1 dashboard', async () => {
    const paceBody = (await pace.post({ query: DASHBOARD }, bearer(viewer))).body;
    const baseBody = (await baseline.post({ query: DASHBOARD }, { 'x-viewer': viewer.userId }))
      .body;
    dataOf({ status: 200, body: paceBody, ms: 0 });
    const samePayload =
      JSON.stringify(JSON.parse(paceBody)) === JSON.stringify(JSON.parse(baseBody));
    const paceCall = async () => {
      const reply = await pace.post({ query: DASHBOARD }, bearer(viewer));
      if (reply.status !== 200) throw new Error(reply.body);
      return reply.ms;
    };
    const baseCall = async () => {
      const reply = await baseline.post({ query: DASHBOARD }, { 'x-viewer': viewer.userId });
      if (reply.status !== 200) throw new Error(reply.body);
      return reply.ms;
    };
    await closedLoop(paceCall, { concurrency: CONCURRENCY, durationMs: 1000 });
    await closedLoop(baseCall, { concurrency: CONCURRENCY, durationMs: 1000 });
    const a = emptySide();
    const b = emptySide();
    for (let r = 0; r < ROUNDS; r++) {
      record(a, await closedLoop(paceCall, { concurrency: CONCURRENCY, durationMs: ROUND_MS }));
      record(b, await closedLoop(baseCall, { concurrency: CONCURRENCY, durationMs: ROUND_MS }));
    }
    const p = summary(a);
    const q = summary(b);
    const payloadBytes = Buffer.byteLength(paceBody);
    results.B1 = {
      concurrency: CONCURRENCY,
      pace: p,
      baseline: q,
      payloadBytes,
      baselinePayloadBytes: Buffer.byteLength(baseBody),
      samePayload,
      reqRatio: round(p.perSecond / q.perSecond),
      p50Ratio: round(p.p50Ms / q.p50Ms),
      p99Ratio: round(p.p99Ms / q.p99Ms),
    };
    rows.push({
      id: 'B1',
      measure: `dashboard req/s, ${CONCURRENCY} conn`,
      pace: `${p.perSecond}`,
      baseline: `${q.perSecond}`,
      ratio: `${round(p.perSecond / q.perSecond)}`,
      goal: '≥ 0.5',
      met: yesNo(p.perSecond / q.perSecond >= 0.5),
    });
    rows.push({
      id: 'B1',
      measure: 'dashboard p50 ms',
      pace: `${p.p50Ms}`,
      baseline: `${q.p50Ms}`,
      ratio: `${round(p.p50Ms / q.p50Ms)}`,
      goal: '—',
      met: '—',
    });
    rows.push({
      id: 'B1',
      measure: 'dashboard p99 ms',
      pace: `${p.p99Ms}`,
      baseline: `${q.p99Ms}`,
      ratio: `${round(p.p99Ms / q.p99Ms)}`,
      goal: '≤ 2',
      met: yesNo(p.p99Ms / q.p99Ms <= 2),
    });
    rows.push({
      id: 'B1',
      measure: 'dashboard payload',
      pace: `${round(payloadBytes / 1024, 1)} KB`,
      baseline: `${round(Buffer.byteLength(baseBody) / 1024, 1)} KB${samePayload ? ' (identical)' : ''}`,
      ratio: '—',
      goal: '≤ 30 KB',
      met: yesNo(payloadBytes <= 30 * 1024),
    });
  });

  // ── 100k-transaction user ─────────────────────────────────────────────────────────────────────
  await phase('100k user', async () => {
    const dash = async () => {
      const reply = await pace.post({ query: DASHBOARD }, bearer(big));
      if (reply.status !== 200) throw new Error(reply.body);
      return reply.ms;
    };
    const page = async () => {
      const reply = await pace.post(
        { query: TRANSACTIONS_PAGE, variables: { first: 50 } },
        bearer(big),
      );
      if (reply.status !== 200) throw new Error(reply.body);
      return reply.ms;
    };
    dataOf(await pace.post({ query: TRANSACTIONS_PAGE, variables: { first: 50 } }, bearer(big)));
    await closedLoop(dash, { concurrency: 4, durationMs: 500 });
    await closedLoop(page, { concurrency: 4, durationMs: 500 });
    const out: Record<string, unknown> = {};
    for (const concurrency of [1, CONCURRENCY]) {
      const d = emptySide();
      const t = emptySide();
      for (let r = 0; r < ROUNDS; r++) {
        record(d, await closedLoop(dash, { concurrency, durationMs: ROUND_MS / 2 }));
        record(t, await closedLoop(page, { concurrency, durationMs: ROUND_MS / 2 }));
      }
      const ds = summary(d);
      const ts = summary(t);
      out[`c${concurrency}`] = { dashboard: ds, transactionsPage: ts };
      rows.push({
        id: '100k',
        measure: `dashboard p99 ms, ${concurrency} conn (${ds.perSecond} req/s)`,
        pace: `${ds.p99Ms}`,
        baseline: '—',
        ratio: '—',
        goal: '< 50 ms',
        met: yesNo(ds.p99Ms < 50),
      });
      rows.push({
        id: '100k',
        measure: `transactions(first: 50) p99 ms, ${concurrency} conn (${ts.perSecond} req/s)`,
        pace: `${ts.p99Ms}`,
        baseline: '—',
        ratio: '—',
        goal: '< 50 ms',
        met: yesNo(ts.p99Ms < 50),
      });
    }
    results.bigUser = out;
  });

  // ── B6 ORM ────────────────────────────────────────────────────────────────────────────────────
  await phase('B6 ORM', async () => {
    // drizzle as the API runs it: through the repositories, on a client whose queries are named
    // prepared statements (connectPostgres). Baseline: the exact SQL drizzle sent, as a prepared
    // postgres.js query, with the same decoding of the result where the repository decodes.
    const client = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    // drizzle turns off postgres.js's date and time parsers on the client it is given and parses
    // timestamps itself; the baseline gets its own client with postgres.js's parsers, so both
    // sides hand back the same values (timestamps as Date, local dates as text).
    const baselineClient = postgres(databaseUrl, {
      max: 1,
      onnotice: () => undefined,
      types: {
        localDate: {
          to: 1082,
          from: [1082],
          serialize: (value: string) => value,
          parse: (value: string) => value,
        },
      },
    });
    let captured: { query: string; params: unknown[] } | undefined;
    const db = drizzle(preparingClient(client)) as unknown as Db;
    const capturing = drizzle(preparingClient(client), {
      logger: { logQuery: (query, params) => void (captured = { query, params }) },
    }) as unknown as Db;
    const today = localDateOf(new Date(), TIME_ZONE);
    const month = monthOf(today);
    const [someTx] = await client<
      Array<{ id: string }>
    >`select id from transactions where user_id = ${viewer.userId} limit 1`;
    const months = [month, month] as const;
    const queries: Array<{
      name: string;
      run: (d: Db) => Promise<unknown>;
      decode?: (rows: Array<Record<string, unknown>>) => unknown;
    }> = [
      {
        name: 'settings + month plan + snapshot (dashboard)',
        run: (d) => new BudgetRepository(d).findSettingsWithMonths(viewer.userId, months),
        decode: (rows) =>
          rows.map((row) => row.snapshot && decodeSnapshot(row.snapshot as StoredSnapshot)),
      },
      {
        name: 'page of 51 transactions (list)',
        run: (d) =>
          new TransactionRepository(d, benchCipher).list(viewer.userId, {
            limit: 51,
            after: null,
            filter: {},
          }),
      },
      {
        name: 'settings row lock (every write)',
        run: (d) => new BudgetRepository(d).lockSettings(viewer.userId),
      },
      {
        name: 'month ledger, summed per day and category (every write)',
        run: (d) =>
          new TransactionRepository(d, benchCipher).sumLedgerOfMonth(viewer.userId, month),
        // The repository hands the engine numbers, not numeric text.
        decode: (rows) =>
          rows.map((row) => {
            const [bookedOn, categoryId, currency, sum] = Object.values(row);
            return {
              bookedOn,
              categoryId,
              currency,
              direction: 'expense',
              amountMinor: Number(sum),
            };
          }),
      },
      {
        name: 'month plan, revision bumped (every write)',
        run: (d) => new BudgetRepository(d).touchPlan(viewer.userId, month),
      },
      {
        name: 'transaction by id (replays, edits)',
        run: (d) => new TransactionRepository(d, benchCipher).find(someTx!.id),
      },
    ];
    const out: Array<Record<string, unknown>> = [];
    for (const q of queries) {
      captured = undefined;
      await q.run(capturing);
      const text = captured as { query: string; params: unknown[] } | undefined;
      if (!text) throw new Error(`no SQL captured for ${q.name}`);
      const viaDrizzle = () => q.run(db);
      const viaPostgres = async () => {
        const rows = await baselineClient.unsafe(text.query, text.params as never[], {
          prepare: true,
        });
        return q.decode ? q.decode(rows as Array<Record<string, unknown>>) : rows;
      };
      // Calls alternate (drizzle, postgres.js, drizzle, …) so both meet the same machine; each
      // round reports the median call, which a scheduler hiccup on this shared machine cannot move.
      const round2 = async (): Promise<[number, number]> => {
        const da: number[] = [];
        const db2: number[] = [];
        for (let i = 0; i < ORM_CALLS; i++) {
          let t0 = performance.now();
          await viaDrizzle();
          da.push((performance.now() - t0) * 1000);
          t0 = performance.now();
          await viaPostgres();
          db2.push((performance.now() - t0) * 1000);
        }
        return [median(da), median(db2)];
      };
      await round2();
      const a: number[] = [];
      const b: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const [drizzleUs, postgresUs] = await round2();
        a.push(drizzleUs);
        b.push(postgresUs);
      }
      const ratio = median(a) / median(b);
      out.push({
        name: q.name,
        sql: text.query,
        drizzleUs: round(median(a), 1),
        postgresUs: round(median(b), 1),
        ratio: round(ratio),
        samples: {
          drizzleUs: a.map((v) => round(v, 1)),
          postgresUs: b.map((v) => round(v, 1)),
        },
      });
      rows.push({
        id: 'B6',
        measure: `${q.name} µs/query`,
        pace: `${round(median(a), 1)}`,
        baseline: `${round(median(b), 1)}`,
        ratio: `${round(ratio)}`,
        goal: '≤ 1.15',
        met: yesNo(ratio <= 1.15),
      });
    }
    results.B6 = {
      callsPerRound: ORM_CALLS,
      note: 'sequential on one connection, calls alternating; per round the median call; drizzle through the repositories (named prepared statements, as connectPostgres sets up), postgres.js with the exact SQL drizzle sent (prepared) on its own connection with postgres.js’s own parsing (timestamps as Date, local dates as text), decoded the same way',
      queries: out,
    };
    await client.end();
    await baselineClient.end();
  });

  // ── B5 write path ─────────────────────────────────────────────────────────────────────────────
  await phase('B5 write path', async () => {
    const today = localDateOf(new Date(), TIME_ZONE);
    const create = async (worker: number) => {
      const user = users[worker % users.length]!;
      const reply = await pace.post(
        {
          query: CREATE,
          variables: {
            input: {
              amount: '2.50',
              categoryId: user.categoryIds[worker % user.categoryIds.length] ?? 'flex',
              description: 'bench write',
            },
          },
        },
        bearer(user),
      );
      if (reply.status !== 200 || reply.body.includes('"errors"')) throw new Error(reply.body);
      return reply.ms;
    };
    const insert = async (worker: number) => {
      const user = users[worker % users.length]!;
      const now = new Date();
      await sql`insert into transactions (id, user_id, amount_minor, currency, direction, category_id, description, occurred_at, booked_on, source, created_at, updated_at)
        values (${randomUUID()}, ${user.userId}, 250, 'USD', 'expense', ${user.categoryIds[0] ?? 'flex'}, 'bench insert', ${now}, ${today}, 'manual', ${now}, ${now})`;
    };
    await closedLoop(create, { concurrency: CONCURRENCY, durationMs: 1000 });
    await closedLoop(insert, { concurrency: CONCURRENCY, durationMs: 1000 });
    const a = emptySide();
    const b = emptySide();
    const cpuMsPerWrite: number[] = [];
    const waits = new Map<string, number>();
    let waitSamples = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const cpu0 = apiProcess ? childCpuSeconds(apiProcess) : Number.NaN;
      const sampler = sampleBackends(databaseUrl, dbName, waits);
      const result = await closedLoop(create, { concurrency: CONCURRENCY, durationMs: ROUND_MS });
      waitSamples += await sampler.stop();
      record(a, result);
      if (apiProcess)
        cpuMsPerWrite.push(((childCpuSeconds(apiProcess) - cpu0) * 1000) / result.count);
      record(b, await closedLoop(insert, { concurrency: CONCURRENCY, durationMs: ROUND_MS }));
    }
    const p = summary(a);
    const q = summary(b);
    // What the API's PostgreSQL backends were doing while Pace wrote: share of samples per state.
    const waitingOn = Object.fromEntries(
      [...waits.entries()]
        .sort((x, y) => y[1] - x[1])
        .map(([state, n]) => [state, round(n / Math.max(1, waitSamples), 2)]),
    );
    results.B5 = {
      concurrency: CONCURRENCY,
      writers: `${Math.min(CONCURRENCY, users.length)} users, one worker each`,
      pace: p,
      baseline: q,
      ratio: round(p.perSecond / q.perSecond),
      apiCpuMsPerWrite: round(median(cpuMsPerWrite)),
      backendStates: {
        note: 'average number of the API node’s PostgreSQL connections in each state, sampled every 10 ms during the Pace rounds (idle in transaction = the database waits for the API node)',
        samples: waitSamples,
        perState: waitingOn,
      },
    };
    rows.push({
      id: 'B5',
      measure: `createTransaction/s vs inserts/s, ${CONCURRENCY} conc`,
      pace: `${p.perSecond}`,
      baseline: `${q.perSecond}`,
      ratio: `${round(p.perSecond / q.perSecond)}`,
      goal: '≥ 0.15',
      met: yesNo(p.perSecond / q.perSecond >= 0.15),
    });
    rows.push({
      id: 'B5',
      measure: 'API node CPU ms per write',
      pace: `${round(median(cpuMsPerWrite))}`,
      baseline: '—',
      ratio: '—',
      goal: 'report',
      met: '—',
    });
    rows.push({
      id: 'B5',
      measure: 'API connections by state (avg)',
      pace: Object.entries(waitingOn)
        .slice(0, 5)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      baseline: '—',
      ratio: '—',
      goal: 'report',
      met: '—',
    });
    rows.push({
      id: 'B5',
      measure: 'write p99 ms (p50)',
      pace: `${p.p99Ms} (${p.p50Ms})`,
      baseline: `${q.p99Ms} (${q.p50Ms})`,
      ratio: `${round(p.p99Ms / q.p99Ms)}`,
      goal: '≤ 25 ms',
      met: yesNo(p.p99Ms <= 25),
    });
  });

  // ── B2 live update ────────────────────────────────────────────────────────────────────────────
  await phase('B2 live update', async () => {
    const wsUrl = `${apiUrl.replace(/^http/, 'ws')}/graphql`;
    const waiting = new Map<string, (at: number) => void>();
    const open = async (
      user: SeededUser,
      onEvent?: (transactionId: string | null) => void,
    ): Promise<WsClient> => {
      let connected!: () => void;
      let failed!: (error: unknown) => void;
      const ready = new Promise<void>(
        (resolve, reject) => ((connected = resolve), (failed = reject)),
      );
      const ws = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: bearer(user),
        lazy: false,
        retryAttempts: 0,
        on: { connected: () => connected(), error: (e) => failed(e) },
      });
      ws.subscribe<{ budgetUpdated: { transactionId: string | null } }>(
        { query: BUDGET_UPDATED },
        {
          next: (result) => onEvent?.(result.data?.budgetUpdated.transactionId ?? null),
          error: () => undefined,
          complete: () => undefined,
        },
      );
      await ready;
      return ws;
    };
    const probeSocket = await open(viewer, (id) => {
      if (id) waiting.get(id)?.(performance.now());
    });
    await sleep(300);
    const pacePublishSocket = viewer;
    const paceProbe = async (): Promise<number> => {
      const id = randomUUID();
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('budgetUpdated did not arrive within 10 s')),
          10_000,
        );
        waiting.set(id, (at) => (clearTimeout(timer), waiting.delete(id), resolve(at)));
      });
      const t0 = performance.now();
      const reply = await pace.post(
        {
          query: CREATE,
          variables: {
            input: {
              id,
              amount: '1.25',
              categoryId: viewer.categoryIds[0] ?? 'flex',
              description: 'probe',
            },
          },
        },
        bearer(pacePublishSocket),
      );
      if (reply.status !== 200 || reply.body.includes('"errors"')) throw new Error(reply.body);
      return (await arrived) - t0;
    };
    // Baseline: a single-row insert committed, then a Redis publish → subscribe round trip.
    const publisher = new Redis(REDIS_URL);
    const subscriber = new Redis(REDIS_URL);
    const channel = `${prefix}:baseline`;
    await subscriber.subscribe(channel);
    subscriber.on('message', (_channel: string, message: string) =>
      waiting.get(message)?.(performance.now()),
    );
    const today = localDateOf(new Date(), TIME_ZONE);
    const baseProbe = async (): Promise<number> => {
      const id = randomUUID();
      const arrived = new Promise<number>((resolve) =>
        waiting.set(id, (at) => (waiting.delete(id), resolve(at))),
      );
      const t0 = performance.now();
      const now = new Date();
      await sql`insert into transactions (id, user_id, amount_minor, currency, direction, category_id, description, occurred_at, booked_on, source, created_at, updated_at)
        values (${id}, ${viewer.userId}, 125, 'USD', 'expense', ${viewer.categoryIds[0] ?? 'flex'}, 'probe', ${now}, ${today}, 'manual', ${now}, ${now})`;
      await publisher.publish(channel, id);
      return (await arrived) - t0;
    };
    const probes = async (probe: () => Promise<number>, durationMs: number, gapMs: number) => {
      const out: number[] = [];
      const deadline = performance.now() + durationMs;
      while (performance.now() < deadline) {
        out.push(await probe());
        await sleep(gapMs);
      }
      return out;
    };
    await probes(paceProbe, 500, 5);
    await probes(baseProbe, 500, 5);
    const idleA: number[] = [];
    const idleB: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      idleA.push(...(await probes(paceProbe, ROUND_MS / 2, 10)));
      idleB.push(...(await probes(baseProbe, ROUND_MS / 2, 10)));
    }

    // Loaded: idle subscribers on people who never write during the run, plus a steady write rate
    // from the other seeded people; the probe's writes (one 50 ms after the previous arrived) count toward the rate.
    const idleSockets: WsClient[] = [];
    const perIdleUser = Math.ceil(IDLE_SUBSCRIBERS / idle.length);
    for (let i = 0; i < IDLE_SUBSCRIBERS; i += 50) {
      idleSockets.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, IDLE_SUBSCRIBERS - i) }, (_, k) =>
            open(idle[Math.floor((i + k) / perIdleUser)]!),
          ),
        )),
      );
    }
    await sleep(500);
    const writers = users.slice(1);
    const stats = (values: number[]) => ({
      n: values.length,
      p50Ms: round(percentile(values, 50)),
      p99Ms: round(percentile(values, 99)),
      maxMs: round(Math.max(...values)),
    });
    const loadedAt = async (rate: number) => {
      const probeGapMs = 50;
      const background = pacedLoad(
        async (n) => {
          const user = writers[n % writers.length]!;
          const reply = await pace.post(
            {
              query: CREATE,
              variables: {
                input: {
                  amount: '0.75',
                  categoryId: user.categoryIds[n % user.categoryIds.length] ?? 'flex',
                  description: 'load',
                },
              },
            },
            bearer(user),
          );
          if (reply.status !== 200 || reply.body.includes('"errors"')) throw new Error(reply.body);
        },
        // The probe's own writes (one per idle latency + gap) count toward the rate.
        {
          perSecond: Math.max(0, rate - 1000 / (median(idleA) + probeGapMs)),
          maxInFlight: CONCURRENCY * 2,
        },
      );
      const loadedA: number[] = [];
      const loadedB: number[] = [];
      const t0 = performance.now();
      for (let r = 0; r < ROUNDS; r++) {
        loadedA.push(...(await probes(paceProbe, ROUND_MS, probeGapMs)));
        loadedB.push(...(await probes(baseProbe, ROUND_MS, probeGapMs)));
      }
      const loadedS = (performance.now() - t0) / 1000;
      const bg = await background.stop();
      const achieved = round((bg.completed + loadedA.length) / loadedS, 1);
      return {
        targetTxPerSecond: rate,
        achievedTxPerSecond: achieved,
        background: bg,
        pace: stats(loadedA),
        baseline: stats(loadedB),
      };
    };
    const levels = [await loadedAt(RATE)];
    const saturation = (results.B5 as { pace?: { perSecond: number } } | undefined)?.pace
      ?.perSecond;
    if (levels[0]!.achievedTxPerSecond < RATE * 0.95 && saturation)
      levels.push(await loadedAt(Math.max(5, Math.round(saturation / 2))));
    results.B2 = {
      subscribers: `the probe user's second device + ${IDLE_SUBSCRIBERS} idle sockets of ${idle.length} other people (100 each) who receive nothing`,
      measured:
        'from sending createTransaction to budgetUpdated arriving on the same user’s other socket; baseline: single-row insert commit + Redis publish → subscribe',
      writers: `${writers.length} other seeded people at a steady rate (open loop, at most ${CONCURRENCY * 2} in flight), plus the probe (next write 50 ms after the previous event arrived)`,
      idle: { pace: stats(idleA), baseline: stats(idleB) },
      loaded: levels,
    };
    const ia = stats(idleA);
    const ib = stats(idleB);
    rows.push({
      id: 'B2',
      measure: 'live update p50 ms, idle',
      pace: `${ia.p50Ms}`,
      baseline: `${ib.p50Ms}`,
      ratio: `${round(ia.p50Ms / ib.p50Ms)}`,
      goal: '≤ 4× floor',
      met: yesNo(ia.p50Ms / ib.p50Ms <= 4),
    });
    rows.push({
      id: 'B2',
      measure: 'live update p99 ms, idle',
      pace: `${ia.p99Ms}`,
      baseline: `${ib.p99Ms}`,
      ratio: `${round(ia.p99Ms / ib.p99Ms)}`,
      goal: '—',
      met: '—',
    });
    for (const level of levels) {
      const la = level.pace;
      const lb = level.baseline;
      const label = `${level.achievedTxPerSecond} tx/s reached of ${level.targetTxPerSecond} + ${IDLE_SUBSCRIBERS} idle subs`;
      const full = level.targetTxPerSecond === RATE && level.achievedTxPerSecond >= RATE * 0.95;
      rows.push({
        id: 'B2',
        measure: `live update p50 ms, ${label}`,
        pace: `${la.p50Ms}`,
        baseline: `${lb.p50Ms}`,
        ratio: `${round(la.p50Ms / lb.p50Ms)}`,
        goal: '—',
        met: '—',
      });
      rows.push({
        id: 'B2',
        measure: `live update p99 ms, ${label}`,
        pace: `${la.p99Ms}`,
        baseline: `${lb.p99Ms}`,
        ratio: `${round(la.p99Ms / lb.p99Ms)}`,
        goal: level.targetTxPerSecond === RATE ? `≤ 4× floor at ${RATE} tx/s` : '—',
        met: level.targetTxPerSecond === RATE ? yesNo(full && la.p99Ms / lb.p99Ms <= 4) : '—',
      });
    }
    await Promise.all([probeSocket, ...idleSockets].map(async (s) => s.dispose()));
    publisher.disconnect();
    subscriber.disconnect();
  });

  pace.close();
  baseline.close();
  await sql.end({ timeout: 5 });
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    children
      .filter((child) => child.exitCode === null)
      .map((child) => new Promise((resolve) => child.once('exit', resolve))),
  );
  if (process.env.BENCH_KEEP_DB) log(`kept database ${dbName}`);
  else await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

// ── report ──────────────────────────────────────────────────────────────────────────────────────
const wallS = (performance.now() - wall0) / 1000;
const cpu = process.cpuUsage(generatorCpu0);
const generator = {
  wallS: round(wallS, 1),
  cpuS: round((cpu.user + cpu.system) / 1e6, 1),
  cpuShareOfOneCore: round((cpu.user + cpu.system) / 1e6 / wallS),
  cpuShareOfMachine: round((cpu.user + cpu.system) / 1e6 / wallS / facts.nproc),
  phases,
};
const report = {
  id: 'api',
  description:
    'B1 dashboard, B2 live update, B5 write path, B6 ORM, 100k-transaction user: one API node (dist/main.js, child process) on PostgreSQL + Redis, baselines in the same run, interleaved rounds, medians',
  facts,
  rounds: ROUNDS,
  roundMs: ROUND_MS,
  concurrency: CONCURRENCY,
  loadGenerator: generator,
  results,
  table: rows,
};
const out = path.resolve(rootDir, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'api.json'), `${JSON.stringify(report, null, 2)}\n`);
const md = [
  `commit ${facts.commit} · node ${facts.node} · PostgreSQL ${facts.postgres} · Redis ${facts.redis} · nproc ${facts.nproc} · ${facts.date} · load average at start ${facts.loadAverageAtStart.join(' / ')} (the machine is shared: other work running at the same time depresses and skews absolute figures)`,
  '',
  `Seed: ${USERS} users × ${MONTHS} months × ${TX_PER_DAY} tx/day, one user with ${BIG_TX} transactions over ${BIG_MONTHS} months. ${ROUNDS} interleaved rounds of ${ROUND_MS} ms, ${CONCURRENCY} connections.`,
  `Load generator CPU: ${generator.cpuShareOfOneCore} of one core over ${generator.wallS} s (${round(generator.cpuShareOfMachine * 100, 0)} % of the machine); per phase (generator / API node, in cores): ${Object.entries(
    phases,
  )
    .map(
      ([name, p]) =>
        `${name} ${p.generatorCpuShare} / ${p.serverCpuShare} (load ${p.loadAverage1m})`,
    )
    .join(' · ')}`,
  '',
  '| id | measure | Pace | baseline | ratio | goal | met? |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.id} | ${r.measure} | ${r.pace} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.met} |`,
  ),
];
writeFileSync(path.join(out, 'api.md'), `${md.join('\n')}\n`);
console.log(md.join('\n'));
