import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { registrationProbe } from '../subscriptions';

const BUDGET_UPDATED = 'subscription { budgetUpdated { __typename } }';

function connect(api: TestApi, params: Record<string, unknown>, onClosed?: (code: number) => void) {
  return createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: params,
    lazy: false,
    retryAttempts: 0,
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });
}

/**
 * Starts a subscription and resolves with its errors, or with [] once the node has registered it
 * (or it completed: a query over the socket).
 */
function openOne(api: TestApi, client: Client, query: string): Promise<unknown[]> {
  const isRegistered = registrationProbe(api.url);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (errors: unknown[]) => {
      settled = true;
      resolve(errors);
    };
    client.subscribe(
      { query },
      {
        next: () => undefined,
        error: (e) => settle(Array.isArray(e) ? e : [e]),
        complete: () => settle([]),
      },
    );
    void (async () => {
      const deadline = Date.now() + 20_000;
      while (!settled && Date.now() < deadline) {
        if (isRegistered?.()) return settle([]);
        await new Promise((r) => setTimeout(r, 10));
      }
      if (!settled) settle(['neither registered nor refused']);
    })();
  });
}

describe(`websocket limits (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      config: { GRAPHQL_WS_MAX_SUBSCRIPTIONS: '3', GRAPHQL_WS_ANONYMOUS_MS: '300' },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses operations past the per-socket cap', async () => {
    const user = await signUp(api);
    const client = connect(api, { authorization: `Bearer ${user.accessToken}` });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await openOne(api, client, BUDGET_UPDATED));
    expect(JSON.stringify(results.slice(0, 3))).toBe('[[],[],[]]');
    for (const refused of results.slice(3))
      expect(JSON.stringify(refused)).toContain('"limit":"subscriptions"');
    await client.dispose();
  });

  it('closes an anonymous socket after the window, keeps a signed-in one', async () => {
    const user = await signUp(api);
    const anonymousClosed = new Promise<number>((resolve) => {
      const anonymous = connect(api, {}, resolve);
      void openOne(api, anonymous, '{ __typename }');
    });
    const signedIn = connect(api, { authorization: `Bearer ${user.accessToken}` });
    expect(await anonymousClosed).toBe(4401);
    // The signed-in socket outlived the window: it still answers.
    expect(await openOne(api, signedIn, BUDGET_UPDATED)).toEqual([]);
    await signedIn.dispose();
  });
});
