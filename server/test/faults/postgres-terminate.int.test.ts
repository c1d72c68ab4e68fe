import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  bearer,
  createPostgresDatabase,
  isDistributed,
  postGraphQL,
  REDIS_TEST_URL,
  STRONG_PASSWORD,
  uniqueName,
} from '../kit';
import { freePort, isHealthy, spawnServer, waitFor, type NodeProcess } from '../processes';
import { planWrites, sendWrite, spentThisMonth, storedTransactions } from './burst';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const CREATE = `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`;
const READ = '{ me { id } dashboard { totals { spent { amount } } } }';

/**
 * PostgreSQL ends the API's connections (pg_terminate_backend, as a restart or a failover does)
 * again and again under reads and writes: each request answers with data or a typed error (never
 * a 5xx), the node recovers without a restart, and the writers' replays store each write once.
 */
describe.runIf(isDistributed)('PostgreSQL connections terminated', { timeout: 180_000 }, () => {
  let node: NodeProcess;
  let baseUrl: string;
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let admin: postgres.Sql;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    admin = postgres(database.url, { max: 1, onnotice: () => undefined });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    node = spawnServer('main', {
      DATABASE_URL: database.url,
      REDIS_URL: REDIS_TEST_URL,
      PACE_KEY_PREFIX: uniqueName('pg'),
      PASSWORD_HASH_MEMORY_KIB: '1024',
      RATE_LIMIT_API_STANDARD: '100000/1m',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    await waitFor(node, () => isHealthy(baseUrl));
  });
  afterAll(async () => {
    await node?.stop();
    await admin?.end();
    await database?.drop();
  });

  it('answers typed errors while its connections are cut, then serves again without a restart', async () => {
    const registered = await postGraphQL<{ register: { accessToken: string } }>(baseUrl, REGISTER, {
      input: {
        email: `${uniqueName('pgkill')}@example.com`,
        password: STRONG_PASSWORD,
        name: 'Terminated',
        currency: 'USD',
        country: 'US',
        timeZone: 'America/New_York',
        locale: 'en',
      },
    });
    const token = registered.data?.register.accessToken ?? '';
    expect(
      (await postGraphQL(baseUrl, ONBOARD, { input: US_ONBOARDING }, bearer(token))).errors,
    ).toBeUndefined();
    const spentBefore = await spentThisMonth(baseUrl, token);

    const writes = planWrites(400);
    const statuses: number[] = [];
    const codes: string[] = [];
    let terminated = 0;
    let cutting = true;
    const cutUntil = Date.now() + 3_000;
    const cutter = (async () => {
      while (cutting && Date.now() < cutUntil) {
        const rows = await admin`
          select pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`;
        terminated += rows.filter((row) => row.ok).length;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    let next = 0;
    const failed: typeof writes = [];
    const request = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body: JSON.stringify({ query, variables }),
        // A request that never settles is the failure this test exists for.
        signal: AbortSignal.timeout(15_000),
      }).catch(() => undefined);
      if (!response) codes.push(`no answer within 15 s: ${query.slice(0, 30)}`);
      if (!response) return false;
      statuses.push(response.status);
      const body = (await response.json()) as {
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      for (const error of body.errors ?? []) codes.push(String(error.extensions?.code));
      return body.errors === undefined;
    };
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (;;) {
          const write = writes[next++];
          if (!write) return;
          const amount = `${Math.floor(write.cents / 100)}.${String(write.cents % 100).padStart(2, '0')}`;
          const ok = await request(CREATE, {
            input: { id: write.id, amount, categoryId: write.categoryId },
          });
          if (!ok) failed.push(write);
          await request(READ, {});
        }
      }),
    );
    cutting = false;
    await cutter;

    expect(terminated).toBeGreaterThan(10);
    expect(codes).toContain('SERVICE_UNAVAILABLE');
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    // Every failure is typed: the database was away, so the request may be sent again as it was.
    expect(new Set(codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));

    // No restart: the node serves again, and replays store each write exactly once.
    // Pooled connections cut just before are found dead one request at a time, so the first
    // replays may still fail retryably (a busy machine finds them later); a client tries again,
    // and within a few seconds every write is taken.
    const replay = async (write: (typeof writes)[number]) => {
      const until = Date.now() + 20_000;
      let last = '';
      while (Date.now() < until) {
        if ((await sendWrite(baseUrl, token, write)) === 'acknowledged') return 'acknowledged';
        const amount = `${Math.floor(write.cents / 100)}.${String(write.cents % 100).padStart(2, '0')}`;
        const seen = codes.length;
        await request(CREATE, {
          input: { id: write.id, amount, categoryId: write.categoryId },
        });
        last = codes.slice(seen).join(' ') || 'no error';
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // Says what the server kept answering, for the next person reading a red run.
      return `failed (last: ${last}; node output: ${node.output().slice(-600)})`;
    };
    for (const write of [...failed, ...writes.slice(0, 20)])
      expect(await replay(write)).toBe('acknowledged');
    const stored = await storedTransactions(baseUrl, token);
    for (const write of writes) expect(stored.get(write.id), write.id).toBe(write.cents);
    expect(stored.size).toBe(writes.length);
    expect((await spentThisMonth(baseUrl, token)) - spentBefore).toBe(
      writes.reduce((sum, write) => sum + write.cents, 0),
    );
    expect(node.child.exitCode).toBeNull();
  });
});
