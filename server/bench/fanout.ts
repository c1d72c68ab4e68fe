// B3 fan-out of docs/benchmarks: one budgetUpdated event to N graphql-ws subscribers of the same
// person on one API node (distributed mode, a child process), against a bare `ws` server that
// broadcasts the very frame Pace sent to the same number of sockets, in the same run, rounds
// alternating. Deliveries/s = (N − 1) / (last arrival − first arrival) of one event; RSS per idle
// subscriber = the API node's resident memory grown by opening N subscribed sockets, divided by N.
// Writes bench/results/fanout.json and fanout.md.
//
//   cd server && npx tsx bench/fanout.ts        BENCH_FANOUT=1000,5000 BENCH_ROUNDS=5
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { bearer, registerUsers, type SeededUser } from './api-seed';
import { BUDGET_UPDATED, CREATE, dataOf, httpClient, median, round } from './api-shared';
import {
  apiNodeEnv,
  Children,
  cpuSeconds,
  freePort,
  rootDir,
  rssBytes,
  scratch,
  serverDir,
  sleep,
  waitFor,
} from './procs';

const SIZES = (process.env.BENCH_FANOUT ?? '1000,5000').split(',').map(Number);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 5));
const log = (message: string) =>
  console.log(`[fanout bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Fleet {
  sockets: WebSocket[];
  arrivals: number[];
  firstFrame?: string;
}

/** Opens `n` sockets, 100 at a time; `ready` resolves when a socket may receive events. */
async function openFleet(n: number, open: (fleet: Fleet) => Promise<WebSocket>): Promise<Fleet> {
  const fleet: Fleet = { sockets: [], arrivals: [] };
  for (let i = 0; i < n; i += 100)
    fleet.sockets.push(
      ...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => open(fleet)))),
    );
  return fleet;
}

async function closeFleet(fleet: Fleet) {
  await Promise.all(
    fleet.sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.readyState === WebSocket.CLOSED) return resolve();
          s.once('close', () => resolve());
          s.close();
        }),
    ),
  );
}

/** A graphql-transport-ws client on a bare socket: init, ack, one budgetUpdated subscription. */
function paceSubscriber(wsUrl: string, user: SeededUser) {
  return (fleet: Fleet) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      let subscribed = false;
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: bearer(user) })),
      );
      socket.on('message', (data: Buffer) => {
        if (subscribed) {
          fleet.arrivals.push(performance.now());
          fleet.firstFrame ??= data.toString('utf8');
          return;
        }
        const message = JSON.parse(data.toString('utf8')) as { type: string };
        if (message.type !== 'connection_ack') return reject(new Error(data.toString('utf8')));
        socket.send(
          JSON.stringify({ id: '1', type: 'subscribe', payload: { query: BUDGET_UPDATED } }),
        );
        subscribed = true;
        resolve(socket);
      });
      socket.on('error', reject);
    });
}

function rawSubscriber(wsUrl: string) {
  return (fleet: Fleet) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(wsUrl);
      socket.on('open', () => resolve(socket));
      socket.on('message', () => fleet.arrivals.push(performance.now()));
      socket.on('error', reject);
    });
}

/** Fires one event and waits until every socket of the fleet has it; returns deliveries/s. */
async function oneEvent(fleet: Fleet, fire: () => Promise<void>) {
  fleet.arrivals = [];
  const t0 = performance.now();
  await fire();
  const deadline = performance.now() + 60_000;
  while (fleet.arrivals.length < fleet.sockets.length) {
    if (performance.now() > deadline)
      throw new Error(`${fleet.arrivals.length}/${fleet.sockets.length} deliveries in 60 s`);
    await sleep(2);
  }
  const first = Math.min(...fleet.arrivals);
  const last = Math.max(...fleet.arrivals);
  return {
    perSecond: (fleet.sockets.length - 1) / ((last - first) / 1000),
    spanMs: last - first,
    lastAfterTriggerMs: last - t0,
  };
}

const children = new Children();
const db = await scratch('fanout');
const results: Array<Record<string, unknown>> = [];
const facts = {
  commit: execFileSync('git', ['-C', rootDir, 'rev-parse', '--short', 'HEAD']).toString().trim(),
  node: process.version,
  ...db.versions,
  nproc: availableParallelism(),
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg().map((v) => round(v)),
};
try {
  if (!process.env.BENCH_API_ENTRY)
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'inherit' });
  const apiPort = await freePort();
  const api = children.start(
    process.execPath,
    [process.env.BENCH_API_ENTRY ?? 'dist/main.js'],
    apiNodeEnv({ port: apiPort, databaseUrl: db.databaseUrl, prefix: db.prefix, nodeId: 'fanout' }),
  );
  const basePort = await freePort();
  const base = children.start(process.execPath, ['bench/fanout-baseline.mjs'], {
    PORT: String(basePort),
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${apiUrl}/health`);
  await waitFor(`http://127.0.0.1:${basePort}/health`);
  const client = httpClient(apiUrl, 4);
  const [user] = await registerUsers(client, 'fanout', 1);
  const write = async () => {
    dataOf(
      await client.post(
        {
          query: CREATE,
          variables: {
            input: {
              amount: '1.00',
              categoryId: user!.categoryIds[0] ?? 'flex',
              description: 'b3',
            },
          },
        },
        bearer(user!),
      ),
    );
  };
  await write();
  for (const n of SIZES) {
    log(`${n} subscribers …`);
    // A warm-up fleet, opened and closed, so the heap has grown to its working size first.
    await closeFleet(
      await openFleet(Math.min(n, 500), paceSubscriber(`ws://127.0.0.1:${apiPort}/graphql`, user!)),
    );
    await sleep(1000);
    const paceRss0 = rssBytes(api.pid);
    const pace = await openFleet(n, paceSubscriber(`ws://127.0.0.1:${apiPort}/graphql`, user!));
    await sleep(2000);
    const paceRss1 = rssBytes(api.pid);
    const baseRss0 = rssBytes(base.pid);
    const raw = await openFleet(n, rawSubscriber(`ws://127.0.0.1:${basePort}`));
    await sleep(2000);
    const baseRss1 = rssBytes(base.pid);
    // Warm-up event; it also captures the frame Pace sends, which the baseline then broadcasts.
    await oneEvent(pace, write);
    const frame = pace.firstFrame!;
    const broadcast = async () => {
      const res = await fetch(`http://127.0.0.1:${basePort}/broadcast`, {
        method: 'POST',
        body: frame,
      });
      if (res.status !== 204) throw new Error(`broadcast answered ${res.status}`);
    };
    await oneEvent(raw, broadcast);
    const a: Array<Awaited<ReturnType<typeof oneEvent>>> = [];
    const b: typeof a = [];
    const cpu0 = cpuSeconds(api.pid);
    for (let r = 0; r < ROUNDS; r++) {
      a.push(await oneEvent(pace, write));
      b.push(await oneEvent(raw, broadcast));
    }
    const apiCpuS = cpuSeconds(api.pid) - cpu0;
    const paceRate = median(a.map((x) => x.perSecond));
    const baseRate = median(b.map((x) => x.perSecond));
    results.push({
      subscribers: n,
      frameBytes: Buffer.byteLength(frame),
      pace: {
        deliveriesPerSecond: round(paceRate, 0),
        spanMs: a.map((x) => round(x.spanMs, 1)),
        lastAfterWriteMs: a.map((x) => round(x.lastAfterTriggerMs, 1)),
        rssPerIdleSubscriberKb: round((paceRss1 - paceRss0) / n / 1024, 1),
        apiCpuMsPerDelivery: round((apiCpuS * 1000) / (ROUNDS * n), 3),
      },
      baseline: {
        deliveriesPerSecond: round(baseRate, 0),
        spanMs: b.map((x) => round(x.spanMs, 1)),
        rssPerIdleSocketKb: round((baseRss1 - baseRss0) / n / 1024, 1),
      },
      ratio: round(paceRate / baseRate),
    });
    await closeFleet(pace);
    await closeFleet(raw);
  }
  client.close();
} finally {
  await children.stopAll();
  await db.drop();
}

const rows = results.flatMap((r) => {
  const p = r.pace as Record<string, number>;
  const q = r.baseline as Record<string, number>;
  const ratio = r.ratio as number;
  const n = r.subscribers as number;
  return [
    `| B3 | deliveries/s, one event to ${n} subscribers of one person | ${p.deliveriesPerSecond} | ${q.deliveriesPerSecond} | ${ratio} | ≥ 0.8 | ${ratio >= 0.8 ? 'yes' : 'no'} |`,
    `| B3 | RSS per idle subscriber, ${n} subscribers | ${p.rssPerIdleSubscriberKb} KB | ${q.rssPerIdleSocketKb} KB (bare socket) | — | ≤ 10 KB | ${p.rssPerIdleSubscriberKb! <= 10 ? 'yes' : 'no'} |`,
    `| B3 | API CPU ms per delivery, ${n} subscribers | ${p.apiCpuMsPerDelivery} | — | — | report | — |`,
  ];
});
const md = [
  `commit ${facts.commit} · node ${facts.node} · PostgreSQL ${facts.postgres} · Redis ${facts.redis} · nproc ${facts.nproc} · ${facts.date} · load average at start ${facts.loadAverageAtStart.join(' / ')}`,
  '',
  `${ROUNDS} interleaved rounds (one event each); deliveries/s from the first to the last arrival of one event, median round; the subscribers are bare \`ws\` clients in the load generator on both sides.`,
  '',
  '| id | measure | Pace | baseline | ratio | goal | met? |',
  '|---|---|---|---|---|---|---|',
  ...rows,
];
const out = path.join(rootDir, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, 'fanout.json'),
  `${JSON.stringify({ id: 'fanout', facts, rounds: ROUNDS, results }, null, 2)}\n`,
);
writeFileSync(path.join(out, 'fanout.md'), `${md.join('\n')}\n`);
console.log(md.join('\n'));
