import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  bearer,
  createPostgresDatabase,
  errorCodes,
  isDistributed,
  postGraphQL,
  REDIS_TEST_URL,
  STRONG_PASSWORD,
  TEST_MODE,
  uniqueName,
} from '../kit';
import { freePort, isHealthy, spawnServer, waitFor, type NodeProcess } from '../processes';
import {
  planWrites,
  runBurst,
  sendWrite,
  spentThisMonth,
  storedTransactions,
  type PlannedWrite,
} from './burst';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const WRITES = 240;
const KILL_AFTER = 60;

/**
 * An API process killed -9 in the middle of a burst of writes. Distributed: the writers that lost
 * their answer replay on the other node; embedded: the same data directory is opened again at once
 * and the writers replay there. Either way every acknowledged write is stored, every replay is
 * stored once, and the month adds up to the cent.
 */
describe(`an API node killed -9 mid-burst (${TEST_MODE})`, { timeout: 180_000 }, () => {
  const nodes: NodeProcess[] = [];
  let dropDatabase: (() => Promise<void>) | undefined;
  let env: Record<string, string>;

  const start = async (index: number) => {
    const port = await freePort();
    const node = spawnServer('main', {
      ...env,
      PORT: String(port),
      PACE_NODE_ID: `api-${index}`,
    });
    const url = `http://127.0.0.1:${port}`;
    nodes.push(node);
    await waitFor(node, () => isHealthy(url));
    return { node, url };
  };

  beforeAll(async () => {
    env = {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_MEMORY_KIB: '1024',
      RATE_LIMIT_API_STANDARD: '100000/1m',
    };
    if (isDistributed) {
      const database = await createPostgresDatabase();
      dropDatabase = () => database.drop();
      Object.assign(env, {
        DATABASE_URL: database.url,
        REDIS_URL: REDIS_TEST_URL,
        PACE_KEY_PREFIX: uniqueName('nk'),
      });
    } else {
      env.PACE_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'pace-kill-'));
    }
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await dropDatabase?.();
  });

  it('loses no acknowledged write and doubles no replay; the month adds up', async () => {
    const first = await start(0);
    const second = isDistributed ? await start(1) : undefined;
    const email = `${uniqueName('kill')}@example.com`;
    const registered = await postGraphQL<{ register: { accessToken: string } }>(
      first.url,
      REGISTER,
      {
        input: {
          email,
          password: STRONG_PASSWORD,
          name: 'Kill',
          currency: 'USD',
          country: 'US',
          timeZone: 'America/New_York',
          locale: 'en',
        },
      },
    );
    const token = registered.data?.register.accessToken ?? '';
    expect(
      (await postGraphQL(first.url, ONBOARD, { input: US_ONBOARDING }, bearer(token))).errors,
    ).toBeUndefined();
    const loggedOut = (
      await postGraphQL<{ login: { accessToken: string } }>(first.url, LOGIN, {
        e: email,
        p: STRONG_PASSWORD,
      })
    ).data?.login.accessToken;
    expect(
      (await postGraphQL(first.url, 'mutation { logout }', {}, bearer(loggedOut ?? ''))).errors,
    ).toBeUndefined();
    const spentBefore = await spentThisMonth(first.url, token);

    const writes = planWrites(WRITES);
    let target = first.url;
    let killed = false;
    const burst = await runBurst({
      writes,
      concurrency: 8,
      token,
      target: () => target,
      afterAcknowledged: (count) => {
        if (count < KILL_AFTER || killed) return;
        killed = true;
        first.node.child.kill('SIGKILL');
      },
    });
    expect(killed).toBe(true);
    expect(burst.failed.length).toBeGreaterThan(0);

    // The writers go on elsewhere: the other node, or the same directory opened again at once.
    const survivor = second ?? (await start(2));
    target = survivor.url;
    const replayed: PlannedWrite[] = [
      ...burst.failed,
      ...writes.filter((w) => burst.acknowledged.has(w.id)).slice(0, 40),
    ];
    for (const write of replayed)
      expect(await sendWrite(survivor.url, token, write), write.id).toBe('acknowledged');

    const stored = await storedTransactions(survivor.url, token);
    for (const write of writes) expect(stored.get(write.id), write.id).toBe(write.cents);
    expect(stored.size).toBe(WRITES);
    const total = writes.reduce((sum, write) => sum + write.cents, 0);
    expect((await spentThisMonth(survivor.url, token)) - spentBefore).toBe(total);
    // A session logged out before the kill stays logged out on the node that took over.
    expect(
      errorCodes(await postGraphQL(survivor.url, '{ me { id } }', {}, bearer(loggedOut ?? ''))),
    ).toEqual(['UNAUTHENTICATED']);
  });
});
