// Shared pieces of the API benchmark (bench/api.ts): the GraphQL documents both sides answer, a
// keep-alive HTTP client with a bounded pool, closed-loop and paced load, percentiles.
import { Agent, request } from 'node:http';

/** The home screen as a client asks for it (today, the month, pace, alerts, latest transactions). */
export const DASHBOARD = `query Dashboard {
  dashboard {
    today month
    todayBudget { date isToday allocation { amount } spent { amount } categories { categoryId name allocation { amount } spent { amount } remaining { amount } status } }
    totals { planned { amount } allocated { amount } spent { amount } deficit { amount } }
    categories { categoryId name behaviour priority planned { amount } allocation { amount } spent { amount } remaining { amount } status }
    pace { categoryId level ratio runOutOn }
    alerts { categoryId level spent { amount } allocation { amount } }
    recentTransactions(first: 5) { id amount { amount currency } categoryId description bookedOn }
  }
}`;

export const TRANSACTIONS_PAGE = `query Page($first: Int!) {
  transactions(first: $first) { edges { cursor node { id amount { amount } categoryId description merchant bookedOn occurredAt } } pageInfo { hasNextPage endCursor } }
}`;

export const CREATE = `mutation Create($input: CreateTransactionInput!) {
  createTransaction(input: $input) { conflict transaction { id version bookedOn } }
}`;

export const BUDGET_UPDATED = `subscription { budgetUpdated { month cause transactionId totals { spent { amount } } days { date categories { categoryId spent { amount } status } } } }`;

export interface Reply {
  status: number;
  body: string;
  ms: number;
}

/** POSTs JSON over a keep-alive agent capped at `maxSockets` connections. */
export function httpClient(baseUrl: string, maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL('/graphql', baseUrl);
  const post = (payload: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(payload);
      const started = performance.now();
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** Throws unless the reply is a 200 without GraphQL errors; returns its data. */
export function dataOf<T>(reply: Reply): T {
  const parsed = JSON.parse(reply.body) as { data?: T; errors?: unknown[] };
  if (reply.status !== 200 || parsed.errors?.length || !parsed.data)
    throw new Error(`GraphQL call failed (${reply.status}): ${reply.body.slice(0, 400)}`);
  return parsed.data;
}

export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/** `concurrency` workers call `work` back to back for `durationMs` (or until `maxCount` calls). */
export async function closedLoop(
  work: (worker: number) => Promise<number | void>,
  options: { concurrency: number; durationMs: number; maxCount?: number },
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  let issued = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < deadline && issued < maxCount) {
        issued += 1;
        const t0 = performance.now();
        const measured = await work(worker);
        latenciesMs.push(typeof measured === 'number' ? measured : performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    count: latenciesMs.length,
    seconds,
    perSecond: latenciesMs.length / seconds,
    latenciesMs,
  };
}

/** Starts `work` at a steady `perSecond` (open loop, at most `maxInFlight` outstanding) until stopped. */
export function pacedLoad(
  work: (n: number) => Promise<void>,
  options: { perSecond: number; maxInFlight: number },
) {
  let started = 0;
  let completed = 0;
  let failed = 0;
  let skipped = 0;
  let inFlight = 0;
  const t0 = performance.now();
  const tick = () => {
    const due = Math.floor(((performance.now() - t0) / 1000) * options.perSecond);
    while (started + skipped < due) {
      if (inFlight >= options.maxInFlight) {
        skipped += 1;
        continue;
      }
      inFlight += 1;
      const n = started;
      started += 1;
      work(n).then(
        () => {
          completed += 1;
          inFlight -= 1;
        },
        () => {
          failed += 1;
          inFlight -= 1;
        },
      );
    }
  };
  const timer = setInterval(tick, 5);
  return {
    snapshot: () => ({ completed, failed, skipped, seconds: (performance.now() - t0) / 1000 }),
    stop: async () => {
      clearInterval(timer);
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      return { completed, failed, skipped, seconds: (performance.now() - t0) / 1000 };
    },
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A version-4-shaped UUID from a deterministic random source. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
