import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  bearer,
  createPostgresDatabase,
  errorCodes,
  isDistributed,
  postGraphQL,
  STRONG_PASSWORD,
  uniqueName,
} from '../kit';
import { freePort, isHealthy, spawnServer, waitFor, type NodeProcess } from '../processes';
import { redisChannelProbe, subscribe } from '../subscriptions';
import { startOwnRedis, timed, type OwnRedis } from './redis';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const LOGOUT = 'mutation { logout }';
const READ =
  '{ me { id } dashboard { month totals { spent { amount } } recentTransactions { id } } }';
const SCHEDULES = ['recurring.postDue', 'budget.createMonthPlans'];

/**
 * Redis as a dependency, not a single point of failure: a Redis of the test's own is killed -9
 * during use and started again empty (no persistence), under a real API process and worker.
 * While it is away requests answer within a bound instead of hanging, and revocations hold
 * (PostgreSQL is their record); once it is back, live events flow again, schedules are
 * registered again by the running processes, and no logged-out token works again.
 */
describe.runIf(isDistributed)('Redis killed and restarted empty', { timeout: 180_000 }, () => {
  let redis: OwnRedis;
  let api: NodeProcess;
  let worker: NodeProcess;
  let baseUrl: string;
  let dropDatabase: () => Promise<void>;
  let prefix: string;
  const email = `${uniqueName('redis')}@example.com`;

  beforeAll(async () => {
    redis = await startOwnRedis();
    const database = await createPostgresDatabase();
    dropDatabase = () => database.drop();
    prefix = uniqueName('rf');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      PACE_KEY_PREFIX: prefix,
      PACE_SCHEDULE_CHECK_MS: '500',
      REDIS_COMMAND_TIMEOUT_MS: '300',
      PASSWORD_HASH_MEMORY_KIB: '1024',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
    };
    api = spawnServer('main', { ...env, PORT: String(port), PACE_NODE_ID: 'api-r' });
    worker = spawnServer('worker', { ...env, PACE_NODE_ID: 'worker-r' });
    await waitFor(api, () => isHealthy(baseUrl));
    await waitFor(worker, () => worker.output().includes('Pace worker started'));
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await redis?.stop();
    await dropDatabase?.();
  });

  const login = async () => {
    const response = await postGraphQL<{ login: { accessToken: string } }>(baseUrl, LOGIN, {
      e: email,
      p: STRONG_PASSWORD,
    });
    expect(response.errors).toBeUndefined();
    return response.data?.login.accessToken ?? '';
  };
  const read = (token: string) => postGraphQL(baseUrl, READ, {}, bearer(token));
  const write = (token: string, amount: string) =>
    postGraphQL<{ createTransaction: { transaction: { id: string } } }>(
      baseUrl,
      CREATE,
      { input: { amount, categoryId: 'groceries' } },
      bearer(token),
    );
  const schedulesIn = async (url: string) => {
    const queue = new Queue('scheduler', { connection: { url }, prefix });
    try {
      return await Promise.all(SCHEDULES.map(async (id) => !!(await queue.getJobScheduler(id))));
    } finally {
      await queue.close();
    }
  };

  it('keeps serving while Redis is down, and recovers events, schedules and revocations after', async () => {
    const registered = await postGraphQL<{ register: { accessToken: string } }>(baseUrl, REGISTER, {
      input: {
        email,
        password: STRONG_PASSWORD,
        name: 'Outage',
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
    const loggedOutBefore = await login();
    expect(
      (await postGraphQL(baseUrl, LOGOUT, {}, bearer(loggedOutBefore))).errors,
    ).toBeUndefined();
    expect(await schedulesIn(redis.url)).toEqual([true, true]);
    // A socket open before the outage: it must receive events again after it.
    const budgetChannelSubscribed = () =>
      redisChannelProbe(redis.url, `${prefix}:budget.updated:*`)();
    const live = await subscribe<{ budgetUpdated: { transactionId: string | null } }>(
      baseUrl,
      'subscription { budgetUpdated { transactionId } }',
      {
        connectionParams: { authorization: `Bearer ${token}` },
        registered: budgetChannelSubscribed,
      },
    );

    await redis.kill();

    // Health says so within a second.
    const health = await timed(() => fetch(`${baseUrl}/health/redis`));
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(1_000);
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);

    // Sign-in (public, rate-limited per node meanwhile), reads and writes go on, each within a bound.
    const signIn = await timed(login);
    expect(signIn.ms).toBeLessThan(3_000);
    const during = signIn.value;
    const reading = await timed(() => read(token));
    expect(reading.value.errors).toBeUndefined();
    expect(reading.ms).toBeLessThan(2_000);
    const writing = await timed(() => write(during, '12.34'));
    expect(writing.value.errors).toBeUndefined();
    expect(writing.ms).toBeLessThan(3_000);
    // Revocations are kept in PostgreSQL: the earlier logout holds, and a logout now takes effect.
    expect(errorCodes(await read(loggedOutBefore))).toEqual(['UNAUTHENTICATED']);
    const loggedOutDuring = await login();
    expect(
      (await postGraphQL(baseUrl, LOGOUT, {}, bearer(loggedOutDuring))).errors,
    ).toBeUndefined();
    expect(errorCodes(await read(loggedOutDuring))).toEqual(['UNAUTHENTICATED']);

    await redis.start();
    await waitFor(api, async () => (await fetch(`${baseUrl}/health/redis`)).status === 200, 15_000);

    // The restarted Redis knows no revocation; the tokens logged out before stay refused.
    expect(errorCodes(await read(loggedOutBefore))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await read(loggedOutDuring))).toEqual(['UNAUTHENTICATED']);
    expect((await read(token)).errors).toBeUndefined();

    // The running processes register the lost schedules again, without a restart.
    await waitFor(worker, async () => (await schedulesIn(redis.url)).every(Boolean), 15_000);

    // Live events flow again on the socket opened before: the subscriber connection subscribes
    // again on its own, once it has reconnected (what was published while Redis was away is
    // caught up through `changes`).
    await waitFor(api, budgetChannelSubscribed, 15_000);
    try {
      const created = await write(token, '1.00');
      expect((await live.next(10_000)).budgetUpdated.transactionId).toBe(
        created.data?.createTransaction.transaction.id,
      );
    } finally {
      await live.close();
    }
    expect(api.output()).toContain('Redis unreachable');
    expect(api.output()).toContain('Redis reachable again');
  });
});
