// `npm run load`: mixed reads and writes from many seeded people against TWO API nodes in
// distributed mode (PostgreSQL + Redis), each a real process on its own 127.0.0.1 port, sharing a
// scratch database that is created here and dropped at the end. autocannon drives each node for a
// bounded time; afterwards every acknowledged createTransaction (client ids, some replayed on the
// other node) is looked up in the database: each must be stored exactly once, nothing else may be.
// Prints a table and one JSON line; writes bench/results/load-latest.json and load-latest.md.
//
//   LOAD_DURATION_S=120 LOAD_USERS=200 LOAD_CONNECTIONS=20 LOAD_MONTHS=2 LOAD_WRITE_SHARE=0.3
//   LOAD_REPLAY_SHARE=0.1 npm run load
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { bearer, insertLedger, registerUsers, type SeededUser } from './api-seed';
import {
  CREATE,
  DASHBOARD,
  httpClient,
  percentile,
  round,
  seededRandom,
  TRANSACTIONS_PAGE,
} from './api-shared';
import {
  apiNodeEnv,
  Children,
  cpuSeconds,
  freePort,
  rootDir,
  scratch,
  serverDir,
  waitFor,
} from './procs';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DURATION_S = env('LOAD_DURATION_S', 120);
const USERS = env('LOAD_USERS', 200);
const CONNECTIONS = Math.max(2, env('LOAD_CONNECTIONS', 20));
const MONTHS = env('LOAD_MONTHS', 2);
const TX_PER_DAY = env('LOAD_TX_PER_DAY', 5);
const WRITE_SHARE = env('LOAD_WRITE_SHARE', 0.3);
const REPLAY_SHARE = env('LOAD_REPLAY_SHARE', 0.1);
const NODES = 2;

const log = (message: string) =>
  console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`);

type Kind = 'dashboard' | 'transactions' | 'create' | 'replay';
interface Pending {
  kind: Kind;
  id?: string;
  user?: SeededUser;
  t0: number;
}

const children = new Children();
const db = await scratch('load');
const facts = {
  commit: execFileSync('git', ['-C', rootDir, 'rev-parse', '--short', 'HEAD']).toString().trim(),
  node: process.version,
  ...db.versions,
  nproc: availableParallelism(),
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((v) => round(v)),
};

const latencies: Record<Kind, number[]> = {
  dashboard: [],
  transactions: [],
  create: [],
  replay: [],
};
const statuses = new Map<string, number>();
const errorCodes = new Map<string, number>();
/** Acknowledged client ids: id → the transaction id the API answered with. */
const acknowledged = new Map<string, string>();
const ackedList: Array<{ id: string; user: SeededUser }> = [];
const sent = new Set<string>();
let replaysAcked = 0;
let replaysMismatched = 0;
let report: Record<string, unknown> = {};

try {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  const nodes: Array<{ url: string; pid: number | undefined }> = [];
  for (let i = 0; i < NODES; i++) {
    // One after the other: the first node migrates the fresh database.
    const port = await freePort();
    const child = children.start(
      process.execPath,
      ['dist/main.js'],
      apiNodeEnv({ port, databaseUrl: db.databaseUrl, prefix: db.prefix, nodeId: `load-${i}` }),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/health`, 60_000);
    nodes.push({ url, pid: child.pid });
  }

  log(`seeding ${USERS} people, ${MONTHS} months × ${TX_PER_DAY} tx/day each …`);
  const seedClient = httpClient(nodes[0]!.url, 8);
  const users = await registerUsers(seedClient, 'load', USERS, 8);
  seedClient.close();
  const sql = postgres(db.databaseUrl, { max: 4, onnotice: () => undefined });
  let seeded = 0;
  for (const [i, user] of users.entries())
    seeded += await insertLedger(sql, user, {
      count: Math.round(TX_PER_DAY * 30.4 * MONTHS),
      months: MONTHS,
      seed: 500 + i,
    });
  await sql`analyze transactions`;
  log(`seeded ${seeded} transactions; ${DURATION_S} s of load on ${NODES} nodes …`);

  const random = seededRandom(42);
  let turn = 0;
  const nextRequest = (): { pending: Pending; body: unknown; user: SeededUser } => {
    const user = users[turn++ % users.length]!;
    const roll = random();
    if (roll < WRITE_SHARE) {
      if (ackedList.length > 0 && random() < REPLAY_SHARE) {
        const previous = ackedList[Math.floor(random() * ackedList.length)]!;
        return {
          user: previous.user,
          pending: { kind: 'replay', id: previous.id, user: previous.user, t0: 0 },
          body: createBody(previous.user, previous.id),
        };
      }
      const id = randomUUID();
      sent.add(id);
      return { user, pending: { kind: 'create', id, user, t0: 0 }, body: createBody(user, id) };
    }
    if (roll < WRITE_SHARE + (1 - WRITE_SHARE) / 2)
      return { user, pending: { kind: 'dashboard', t0: 0 }, body: { query: DASHBOARD } };
    return {
      user,
      pending: { kind: 'transactions', t0: 0 },
      body: { query: TRANSACTIONS_PAGE, variables: { first: 50 } },
    };
  };
  function createBody(user: SeededUser, id: string) {
    return {
      query: CREATE,
      variables: {
        input: {
          id,
          amount: '3.10',
          categoryId: user.categoryIds[id.charCodeAt(0) % user.categoryIds.length] ?? 'flex',
          description: `load ${id.slice(0, 8)}`,
        },
      },
    };
  }
  const onResponse = (status: number, body: string, context: object) => {
    const pending = (context as { pending?: Pending }).pending;
    if (!pending) return;
    latencies[pending.kind].push(performance.now() - pending.t0);
    const statusKey = `${Math.floor(status / 100)}xx`;
    statuses.set(statusKey, (statuses.get(statusKey) ?? 0) + 1);
    const hasErrors = body.includes('"errors"');
    if (hasErrors) {
      const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }> };
      for (const error of parsed.errors ?? []) {
        const code = `${pending.kind}:${error.extensions?.code ?? 'NO_CODE'}`;
        errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
      }
    }
    if ((pending.kind === 'create' || pending.kind === 'replay') && status === 200 && !hasErrors) {
      const parsed = JSON.parse(body) as {
        data: { createTransaction: { transaction: { id: string } | null } };
      };
      const stored = parsed.data.createTransaction.transaction?.id;
      if (!stored) return;
      if (pending.kind === 'create') {
        acknowledged.set(pending.id!, stored);
        ackedList.push({ id: pending.id!, user: pending.user! });
      } else {
        replaysAcked += 1;
        if (stored !== pending.id) replaysMismatched += 1;
      }
    }
  };

  const cpu0 = nodes.map((n) => cpuSeconds(n.pid));
  const generator0 = process.cpuUsage();
  const t0 = performance.now();
  const runs = await Promise.all(
    nodes.map((node) =>
      autocannon({
        url: `${node.url}/graphql`,
        connections: Math.floor(CONNECTIONS / NODES),
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            setupRequest: (request: autocannon.Request, context: object) => {
              const next = nextRequest();
              next.pending.t0 = performance.now();
              (context as { pending?: Pending }).pending = next.pending;
              return {
                ...request,
                method: 'POST',
                path: '/graphql',
                headers: { 'content-type': 'application/json', ...bearer(next.user) },
                body: JSON.stringify(next.body),
              };
            },
            onResponse,
          },
        ],
      }),
    ),
  );
  const wallS = (performance.now() - t0) / 1000;
  const generatorCpu = process.cpuUsage(generator0);
  const nodeCpuShare = nodes.map((n, i) => round((cpuSeconds(n.pid) - cpu0[i]!) / wallS));

  // ── audit: every acknowledged write stored exactly once, nothing stored that was not sent ──
  const stored = await sql<Array<{ id: string; n: number }>>`
    select id, count(*)::int as n from transactions where description like 'load %' group by id`;
  const storedById = new Map(stored.map((r) => [r.id, r.n]));
  const ackedIds = [...acknowledged.keys()];
  const missing = ackedIds.filter((id) => !storedById.has(id));
  const doubled = stored.filter((r) => r.n !== 1);
  const unknown = stored.filter((r) => !sent.has(r.id));
  const wrongId = [...acknowledged.entries()].filter(([id, answered]) => id !== answered);
  const storedUnacked = stored.filter((r) => sent.has(r.id) && !acknowledged.has(r.id)).length;
  await sql.end({ timeout: 5 });

  const all = Object.values(latencies).flat();
  const total = runs.reduce((n, r) => n + r.requests.total, 0);
  const fivexx = statuses.get('5xx') ?? 0;
  const kinds = Object.fromEntries(
    (Object.keys(latencies) as Kind[]).map((kind) => [
      kind,
      {
        count: latencies[kind].length,
        perSecond: round(latencies[kind].length / wallS, 1),
        p50Ms: round(percentile(latencies[kind], 50)),
        p99Ms: round(percentile(latencies[kind], 99)),
      },
    ]),
  );
  const auditOk =
    missing.length === 0 &&
    doubled.length === 0 &&
    unknown.length === 0 &&
    wrongId.length === 0 &&
    replaysMismatched === 0;
  report = {
    id: 'load',
    facts,
    setup: {
      nodes: NODES,
      connections: CONNECTIONS,
      durationS: DURATION_S,
      users: USERS,
      seededTransactions: seeded,
      mix: { writeShare: WRITE_SHARE, replayShareOfWrites: REPLAY_SHARE },
    },
    throughput: {
      requests: total,
      perSecond: round(total / wallS, 1),
      p50Ms: round(percentile(all, 50)),
      p99Ms: round(percentile(all, 99)),
      perNode: runs.map((r) => ({
        perSecond: round(r.requests.average, 1),
        p99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
      })),
      byKind: kinds,
    },
    status: Object.fromEntries(statuses),
    fivexx,
    graphqlErrors: Object.fromEntries(errorCodes),
    cpu: {
      nodesCores: nodeCpuShare,
      generatorCores: round((generatorCpu.user + generatorCpu.system) / 1e6 / wallS),
      loadAverageAtEnd: loadavg().map((v) => round(v)),
    },
    audit: {
      writesSent: sent.size,
      acknowledged: ackedIds.length,
      replaysAcknowledged: replaysAcked,
      storedRows: stored.length,
      storedButNotAcknowledged: storedUnacked,
      missing: missing.length,
      doubled: doubled.length,
      storedNeverSent: unknown.length,
      answeredWithAnotherId: wrongId.length + replaysMismatched,
      exactlyOnce: auditOk,
    },
  };
} finally {
  await children.stopAll();
  await db.drop();
}

const r = report as {
  throughput: {
    perSecond: number;
    p50Ms: number;
    p99Ms: number;
    requests: number;
    byKind: Record<string, { count: number; perSecond: number; p50Ms: number; p99Ms: number }>;
  };
  fivexx: number;
  audit: Record<string, number | boolean>;
  cpu: { nodesCores: number[]; generatorCores: number };
  setup: { durationS: number; users: number; connections: number };
};
const md = [
  `commit ${facts.commit} · node ${facts.node} · PostgreSQL ${facts.postgres} · Redis ${facts.redis} · nproc ${facts.nproc} · ${facts.date} · load average at start ${facts.loadAverageAtStart.join(' / ')}`,
  '',
  `${NODES} API nodes (distributed, one database), ${r.setup.connections} connections split over them, ${r.setup.durationS} s, ${r.setup.users} people. CPU in cores: nodes ${r.cpu.nodesCores.join(' / ')}, load generator ${r.cpu.generatorCores}.`,
  '',
  '| measure | value | goal | met? |',
  '|---|---|---|---|',
  `| requests/s (all) | ${r.throughput.perSecond} (${r.throughput.requests} in all) | report | — |`,
  ...Object.entries(r.throughput.byKind).map(
    ([kind, k]) =>
      `| ${kind}: count, /s, p50 / p99 ms | ${k.count}, ${k.perSecond}/s, ${k.p50Ms} / ${k.p99Ms} | report | — |`,
  ),
  `| p99 ms (all) | ${r.throughput.p99Ms} (p50 ${r.throughput.p50Ms}) | report | — |`,
  `| 5xx responses | ${r.fivexx} | 0 | ${r.fivexx === 0 ? 'yes' : 'no'} |`,
  `| acknowledged writes (of ${r.audit.writesSent} sent) | ${r.audit.acknowledged} + ${r.audit.replaysAcknowledged} replays | — | — |`,
  `| acknowledged but missing / stored twice / stored never sent / other id | ${r.audit.missing} / ${r.audit.doubled} / ${r.audit.storedNeverSent} / ${r.audit.answeredWithAnotherId} | 0 / 0 / 0 / 0 | ${r.audit.exactlyOnce ? 'yes' : 'no'} |`,
];
const out = path.join(rootDir, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'load-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(out, 'load-latest.md'), `${md.join('\n')}\n`);
console.log(md.join('\n'));
console.log(JSON.stringify(report));
process.exit(r.fivexx === 0 && r.audit.exactlyOnce ? 0 : 1);
