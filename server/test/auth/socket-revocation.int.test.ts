import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  bearer,
  isDistributed,
  signUp,
  startSecondNode,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { registrationProbe } from '../subscriptions';

const BUDGET_UPDATED = 'subscription { budgetUpdated { __typename } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

/** A live socket on `budgetUpdated`: its events and how it closed. */
function listen(api: TestApi, token: string) {
  const events: unknown[] = [];
  let closedWith: number | null = null;
  let connected!: () => void;
  const isRegistered = registrationProbe(api.url);
  // Ready once the node has registered the subscription, so the next write's event reaches it.
  const ready = new Promise<void>((resolve) => (connected = resolve)).then(() =>
    until(() => isRegistered?.() ?? true, 'the subscription is registered'),
  );
  const client = createClient({
    url: `${api.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => connected(),
      closed: (event) => (closedWith = (event as { code: number }).code),
    },
  });
  client.subscribe(
    { query: BUDGET_UPDATED },
    { next: (event) => void events.push(event), error: () => undefined, complete: () => undefined },
  );
  return {
    ready,
    events,
    closedWith: () => closedWith,
    dispose: () => client.dispose(),
  };
}

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(check(), what).toBe(true);
}

describe(`open sockets after a logout or a revoked token (${TEST_MODE})`, () => {
  let api: TestApi;
  /** The write that causes the event is made on another node in the distributed mode. */
  let writer: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ config: { GRAPHQL_WS_RECHECK_MS: '0' } });
    writer = isDistributed ? await startSecondNode(api) : api;
  });
  afterAll(async () => {
    if (writer !== api) await writer?.stop();
    await api?.stop();
  });

  it('a logged-out session stops receiving and is closed; the person’s other session keeps receiving', async () => {
    const user = await signUp(api);
    await api.graphql(ONBOARD, { input: US_ONBOARDING }, bearer(user.accessToken));
    const other = await api.graphql<{ login: { accessToken: string } }>(LOGIN, {
      e: user.email,
      p: STRONG_PASSWORD,
    });
    const otherToken = other.data?.login.accessToken ?? '';
    // One after the other: each waits for its own subscription to be registered.
    const ending = listen(api, user.accessToken);
    await ending.ready;
    const staying = listen(api, otherToken);
    await staying.ready;
    const spend = (amount: string) =>
      writer.graphql(
        CREATE,
        { input: { amount, categoryId: 'groceries', description: 'Bread' } },
        bearer(otherToken),
      );

    await spend('1.00');
    await until(() => ending.events.length === 1 && staying.events.length === 1, 'both hear it');

    await api.graphql('mutation { logout }', {}, bearer(user.accessToken));
    await spend('2.00');
    await until(() => staying.events.length === 2, 'the other session hears the next write');
    await until(() => ending.closedWith() === 4401, 'the logged-out socket is closed with 4401');
    expect(ending.events).toHaveLength(1);
    await ending.dispose();
    await staying.dispose();
  });

  it('a revoked personal access token’s socket is closed at the next event', async () => {
    const user = await signUp(api);
    await api.graphql(ONBOARD, { input: US_ONBOARDING }, bearer(user.accessToken));
    const created = await api.graphql<{
      createPersonalAccessToken: { token: string; personalAccessToken: { id: string } };
    }>(
      'mutation { createPersonalAccessToken(input: { name: "feed", scopes: ["read:budget"], expiresInDays: 1 }) { token personalAccessToken { id } } }',
      {},
      bearer(user.accessToken),
    );
    const pat = created.data?.createPersonalAccessToken;
    const feed = listen(api, pat?.token ?? '');
    await feed.ready;
    await api.graphql(
      'mutation($id: ID!) { revokePersonalAccessToken(id: $id) }',
      { id: pat?.personalAccessToken.id },
      bearer(user.accessToken),
    );
    await writer.graphql(
      CREATE,
      { input: { amount: '3.00', categoryId: 'groceries', description: 'Milk' } },
      bearer(user.accessToken),
    );
    await until(() => feed.closedWith() === 4401, 'the revoked token’s socket is closed');
    expect(feed.events).toHaveLength(0);
    await feed.dispose();
  });
});
