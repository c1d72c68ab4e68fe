import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  bearer,
  createPostgresDatabase,
  isDistributed,
  postGraphQL,
  REDIS_TEST_URL,
  STRONG_PASSWORD,
  TEST_MODE,
  uniqueName,
} from '../kit';
import { freePort, isHealthy, spawnServer, waitFor, type NodeProcess } from '../processes';

const FIXTURE = pathToFileURL(path.join(import.meta.dirname, 'fixtures', 'stray-failure.mjs'));

/**
 * The built API as its own process: one request must never end it. Year 0 in createTransaction
 * did (an insert rejected with nobody awaiting it); so does any failure nobody awaits, unless the
 * process survives it and logs it once, without statement parameters.
 */
describe(`a request never ends the process (${TEST_MODE})`, { timeout: 120_000 }, () => {
  let node: NodeProcess;
  let baseUrl: string;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    let modeEnv: Record<string, string>;
    if (isDistributed) {
      const database = await createPostgresDatabase();
      dropDatabase = () => database.drop();
      modeEnv = {
        DATABASE_URL: database.url,
        REDIS_URL: REDIS_TEST_URL,
        PACE_KEY_PREFIX: uniqueName('pt'),
      };
    } else {
      modeEnv = { PACE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pace-survive-')) };
    }
    node = spawnServer('main', {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_OPTIONS: `--import=${FIXTURE.href}`,
      ...modeEnv,
    });
    await waitFor(node, () => isHealthy(baseUrl));
  });
  afterAll(async () => {
    await node?.stop();
    await dropDatabase?.();
  });

  it('answers createTransaction with occurredAt in year 0 as BAD_USER_INPUT and keeps serving', async () => {
    const registered = await postGraphQL<{ register: { accessToken: string } }>(
      baseUrl,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email: `${uniqueName('survive')}@example.com`,
          password: STRONG_PASSWORD,
          name: 'Survivor',
          currency: 'USD',
          country: 'US',
          timeZone: 'America/New_York',
          locale: 'en',
        },
      },
    );
    const token = registered.data?.register.accessToken ?? '';
    expect(token).not.toBe('');
    const onboarded = await postGraphQL(baseUrl, ONBOARD, { input: US_ONBOARDING }, bearer(token));
    expect(onboarded.errors).toBeUndefined();

    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({
        query: `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
        variables: {
          input: { amount: '1.00', categoryId: 'groceries', occurredAt: '0000-01-01T00:00:00Z' },
        },
      }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    const after = await postGraphQL<{ me: { id: string } }>(
      baseUrl,
      '{ me { id } }',
      {},
      bearer(token),
    );
    expect(after.data?.me.id).toBeTruthy();
    expect(await isHealthy(baseUrl)).toBe(true);
    expect(node.child.exitCode).toBeNull();
  });

  it('survives a rejection nobody awaits and an exception thrown from a callback, logging each once without parameters', async () => {
    node.child.kill('SIGUSR2');
    await waitFor(
      node,
      () =>
        node.output().includes('unhandled rejection') &&
        node.output().includes('uncaught exception'),
    );
    expect(await isHealthy(baseUrl)).toBe(true);
    expect(node.child.exitCode).toBeNull();
    const output = node.output();
    expect(output.split('unhandled rejection').length - 1).toBe(1);
    expect(output.split('uncaught exception').length - 1).toBe(1);
    expect(output).not.toContain('stray.secret@example.com');
    expect(output).not.toContain('params:');
  });
});
