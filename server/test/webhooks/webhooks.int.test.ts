import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSender } from '../../src/features/webhooks';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  signUp,
  startTestApi,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
  type TestUser,
} from '../kit';
import { ONBOARD, US_ONBOARDING } from '../budget/budget-client';

// A clock that runs in real time from a chosen instant, so queued back-off delays elapse.
let base = Date.parse('2026-03-10T15:00:00Z');
let startedAt = Date.now();
const clock = { now: () => new Date(base + (Date.now() - startedAt)) };
function jump(ms: number): void {
  base = clock.now().getTime() + ms;
  startedAt = Date.now();
}

type Verify = (
  rawBody: string,
  header: string | undefined,
  secret: string,
  options?: { toleranceS?: number; nowS?: number },
) => boolean;

/** The verification example of docs/api.md, run exactly as an integrator would copy it. */
async function documentedVerifier(): Promise<Verify> {
  const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/api.md'), 'utf8');
  const match = /<!-- verify-pace-signature -->\n```js\n([\s\S]*?)```/.exec(docs);
  if (!match?.[1]) throw new Error('docs/api.md lost its verify-pace-signature example');
  const file = path.join(tmpdir(), `verify-pace-signature-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, match[1]);
  const module = (await import(pathToFileURL(file).href)) as { verifyPaceSignature: Verify };
  return module.verifyPaceSignature;
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver: `/ok` answers 204, `/fail` answers 500 with a long body. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (req.url === '/fail') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`receiver broken ${'x'.repeat(3000)}`);
      } else {
        res.writeHead(204);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function until<T>(what: string, read: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes enabled description } } }`;
const ENDPOINTS = `{ webhookEndpoints { id enabled failingSince disabledAt } }`;
const DELIVERIES = `query($id: ID!, $first: Int, $after: String) { webhookDeliveries(endpointId: $id, first: $first, after: $after) {
  edges { cursor node { id eventId eventType status attemptCount lastStatusCode body
    attempts { number startedAt statusCode responseSnippet error succeeded durationMs } } }
  pageInfo { hasNextPage endCursor } } }`;
const REPLAY = `mutation($id: ID!) { replayWebhookDelivery(id: $id) { delivery { id status } } }`;
const TEST = `mutation($id: ID!) { sendTestWebhook(endpointId: $id) { delivery { id eventType status } } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }`;
const DELETE = `mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedEndpointId } }`;
const CREATE_TX = `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`;
const DELETE_TX = `mutation($id: ID!) { deleteTransaction(id: $id) { transaction { id } } }`;
const NOTIFICATIONS = `{ notifications(first: 20) { edges { node { type } } } }`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  lastStatusCode: number | null;
  body: string;
  attempts: Array<{
    number: number;
    startedAt: string;
    statusCode: number | null;
    responseSnippet: string | null;
    error: string | null;
    succeeded: boolean;
    durationMs: number;
  }>;
}
type DeliveryPage = {
  webhookDeliveries: {
    edges: Array<{ cursor: string; node: Delivery }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe(`webhooks (${TEST_MODE})`, () => {
  let api: TestApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let verify: Verify;
  let user: TestUser;
  let token: string;

  const call = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response: GraphQLResponse<T> = await api.graphql<T>(query, variables, bearer(token));
    if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const deliveries = async (endpointId: string, first = 50) =>
    (await call<DeliveryPage>(DELIVERIES, { id: endpointId, first })).webhookDeliveries;

  beforeAll(async () => {
    receiver = await startReceiver();
    verify = await documentedVerifier();
    api = await startTestApi({
      clock,
      config: {
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOKS_RETRY_BASE_MS: '100',
        WEBHOOKS_MAX_ATTEMPTS: '3',
      },
    });
    user = await signUp(api);
    token = user.accessToken;
    await call(ONBOARD, { input: US_ONBOARDING });
  });

  afterAll(async () => {
    await api?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  let okEndpoint: { id: string; secret: string };

  it('delivers a signed event that the documented example code verifies', async () => {
    const created = await call<{
      createWebhookEndpoint: { secret: string; endpoint: { id: string; eventTypes: string[] } };
    }>(CREATE_ENDPOINT, {
      input: {
        url: `${receiver.url}/ok`,
        eventTypes: ['TRANSACTION_CREATED', 'TRANSACTION_DELETED', 'BUDGET_UPDATED'],
        description: 'spreadsheet',
      },
    });
    const { secret, endpoint } = created.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint.eventTypes).toEqual([
      'TRANSACTION_CREATED',
      'TRANSACTION_DELETED',
      'BUDGET_UPDATED',
    ]);
    okEndpoint = { id: endpoint.id, secret };

    const tx = await call<{ createTransaction: { transaction: { id: string } } }>(CREATE_TX, {
      input: { amount: '12.30', categoryId: 'groceries' },
    });
    const transactionId = tx.createTransaction.transaction.id;
    const request = await until('transaction.created', () =>
      receiver.received.find(
        (r) => r.path === '/ok' && r.headers['pace-event-type'] === 'transaction.created',
      ),
    );
    const header = request.headers['pace-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const nowS = clock.now().getTime() / 1000;
    expect(verify(request.body, header, secret, { nowS })).toBe(true);
    expect(verify(request.body, header, 'whsec_wrong', { nowS })).toBe(false);
    expect(verify(`${request.body} `, header, secret, { nowS })).toBe(false);
    // Too old: a captured request cannot be replayed an hour later.
    expect(verify(request.body, header, secret, { nowS: nowS + 3600 })).toBe(false);

    const body = JSON.parse(request.body) as {
      id: string;
      type: string;
      createdAt: string;
      data: { transaction: { id: string; amount: { amount: string; currency: string } } };
    };
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'data', 'id', 'type']);
    expect(body.type).toBe('transaction.created');
    expect(body.id).toBe(request.headers['pace-event-id']);
    expect(body.data.transaction).toMatchObject({
      id: transactionId,
      amount: { amount: '12.30', currency: 'USD' },
    });
    await until('budget.updated', () =>
      receiver.received.find((r) => r.headers['pace-event-type'] === 'budget.updated'),
    );

    await call(DELETE_TX, { id: transactionId });
    await until('transaction.deleted', () =>
      receiver.received.find((r) => r.headers['pace-event-type'] === 'transaction.deleted'),
    );

    const page = await until('deliveries succeeded', async () => {
      const found = await deliveries(endpoint.id);
      return found.edges.length >= 4 && found.edges.every((e) => e.node.status === 'SUCCEEDED')
        ? found
        : undefined;
    });
    const createdDelivery = page.edges.find((e) => e.node.eventType === 'TRANSACTION_CREATED');
    expect(createdDelivery?.node).toMatchObject({ attemptCount: 1, lastStatusCode: 204 });
    expect(createdDelivery?.node.attempts).toEqual([
      expect.objectContaining({ number: 1, statusCode: 204, succeeded: true, error: null }),
    ]);
    expect(createdDelivery?.node.body).toBe(request.body);
  });

  it('lists deliveries newest first, a page at a time', async () => {
    const first = (await call<DeliveryPage>(DELIVERIES, { id: okEndpoint.id, first: 1 }))
      .webhookDeliveries;
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (
      await call<DeliveryPage>(DELIVERIES, {
        id: okEndpoint.id,
        first: 50,
        after: first.pageInfo.endCursor,
      })
    ).webhookDeliveries;
    const all = await deliveries(okEndpoint.id);
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(
      all.edges.map((e) => e.node.id),
    );
    const bad = await api.graphql(DELIVERIES, { id: okEndpoint.id, after: 'nope' }, bearer(token));
    expect(bad.errors?.[0]?.extensions?.reason).toBe('CONNECTION_CURSOR_INVALID');
    const big = await api.graphql(DELIVERIES, { id: okEndpoint.id, first: 101 }, bearer(token));
    expect(big.errors?.[0]?.extensions?.reason).toBe('CONNECTION_ARGS_INVALID');
  });

  it('replays a delivery with the same body and event id, signed anew', async () => {
    const page = await deliveries(okEndpoint.id);
    const original = page.edges.find((e) => e.node.eventType === 'TRANSACTION_CREATED')?.node;
    if (!original) throw new Error('no transaction.created delivery');
    const before = receiver.received.filter((r) => r.headers['pace-event-id'] === original.eventId);
    expect(before).toHaveLength(1);
    await call(REPLAY, { id: original.id });
    const again = await until('the replay', () => {
      const got = receiver.received.filter((r) => r.headers['pace-event-id'] === original.eventId);
      return got.length === 2 ? got[1] : undefined;
    });
    expect(again?.body).toBe(original.body);
    expect(
      verify(again?.body ?? '', again?.headers['pace-signature'] as string, okEndpoint.secret, {
        nowS: clock.now().getTime() / 1000,
      }),
    ).toBe(true);
    const replayed = await until('the replay recorded', async () => {
      const node = (await deliveries(okEndpoint.id)).edges.find(
        (e) => e.node.id === original.id,
      )?.node;
      return node?.attemptCount === 2 && node.status === 'SUCCEEDED' ? node : undefined;
    });
    expect(replayed.attempts.map((a) => a.number)).toEqual([1, 2]);
  });

  it('sends a test event, and signs with a rotated secret at once', async () => {
    const rotated = await call<{ rotateWebhookSecret: { secret: string } }>(ROTATE, {
      id: okEndpoint.id,
    });
    const secret = rotated.rotateWebhookSecret.secret;
    expect(secret).not.toBe(okEndpoint.secret);
    const sent = await call<{ sendTestWebhook: { delivery: { id: string; eventType: string } } }>(
      TEST,
      { id: okEndpoint.id },
    );
    expect(sent.sendTestWebhook.delivery.eventType).toBe('WEBHOOK_TEST');
    const request = await until('webhook.test', () =>
      receiver.received.find(
        (r) => r.headers['pace-delivery-id'] === sent.sendTestWebhook.delivery.id,
      ),
    );
    const nowS = clock.now().getTime() / 1000;
    const header = request.headers['pace-signature'] as string;
    expect(verify(request.body, header, secret, { nowS })).toBe(true);
    expect(verify(request.body, header, okEndpoint.secret, { nowS })).toBe(false);
    okEndpoint.secret = secret;
  });

  it('retries a failing receiver with back-off, then disables it after 3 days and notifies the owner', async () => {
    const created = await call<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      CREATE_ENDPOINT,
      { input: { url: `${receiver.url}/fail`, eventTypes: ['TRANSACTION_CREATED'] } },
    );
    const endpointId = created.createWebhookEndpoint.endpoint.id;
    await call(CREATE_TX, { input: { amount: '3.00', categoryId: 'groceries' } });
    const failed = await until('three failed attempts', async () => {
      const node = (await deliveries(endpointId)).edges[0]?.node;
      return node?.status === 'FAILED' ? node : undefined;
    });
    expect(failed.attempts.map((a) => [a.number, a.statusCode, a.succeeded])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 500, false],
    ]);
    expect(failed.attempts[0]?.responseSnippet?.length).toBe(1024);
    expect(failed.attempts[0]?.responseSnippet).toMatch(/^receiver broken/);
    // Back-off: 100 ms, then 400 ms (base × 4).
    const at = failed.attempts.map((a) => Date.parse(a.startedAt));
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(100);
    expect((at[2] ?? 0) - (at[1] ?? 0)).toBeGreaterThanOrEqual(400);
    let endpoints = (
      await call<{
        webhookEndpoints: Array<{ id: string; enabled: boolean; failingSince: string | null }>;
      }>(ENDPOINTS)
    ).webhookEndpoints;
    const failing = endpoints.find((e) => e.id === endpointId);
    expect(failing?.enabled).toBe(true);
    expect(failing?.failingSince).not.toBeNull();

    // Three days on, still failing: the next failed attempt switches it off.
    jump(3 * 24 * 3600_000 + 60_000);
    token = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    await call(CREATE_TX, { input: { amount: '4.00', categoryId: 'groceries' } });
    await until('the endpoint disabled', async () => {
      endpoints = (
        await call<{
          webhookEndpoints: Array<{ id: string; enabled: boolean; failingSince: string | null }>;
        }>(ENDPOINTS)
      ).webhookEndpoints;
      return endpoints.find((e) => e.id === endpointId && !e.enabled);
    });
    const notified = await until('the owner notified', async () => {
      const list = await call<{ notifications: { edges: Array<{ node: { type: string } }> } }>(
        NOTIFICATIONS,
      );
      return list.notifications.edges.find((e) => e.node.type === 'WEBHOOK_DISABLED');
    });
    expect(notified).toBeDefined();
    // The healthy endpoint is untouched.
    expect(endpoints.find((e) => e.id === okEndpoint.id)?.enabled).toBe(true);
    const calls = receiver.received.filter((r) => r.path === '/fail').length;
    expect(calls).toBe(4);
  });

  it('refuses at delivery time a name that resolves to a private address', async () => {
    const sender = createWebhookSender({ allowPrivateTargets: false, timeoutMs: 2_000 });
    const port = new URL(receiver.url).port;
    const before = receiver.received.length;
    for (const url of [`http://localhost:${port}/ok`, `http://127.0.0.1:${port}/ok`]) {
      const outcome = await sender.send({ url, body: '{}', headers: {} });
      expect(outcome.statusCode).toBeNull();
      expect(outcome.error).toMatch(/forbidden/);
    }
    expect(receiver.received.length).toBe(before);
  });

  it('queues attempts due in the database (long retries, work a crash lost)', async () => {
    const deliveryId = randomUUID();
    const eventId = randomUUID();
    const body = JSON.stringify({
      id: eventId,
      type: 'webhook.test',
      createdAt: clock.now(),
      data: {},
    });
    await api.container.database.db.execute(
      `insert into webhook_deliveries (id, user_id, endpoint_id, event_id, event_type, body, status, attempt_count, round, next_attempt_at, created_at) values ('${deliveryId}', '${user.userId}', '${okEndpoint.id}', '${eventId}', 'webhook.test', '${body}', 'pending', 1, 1, '${new Date(clock.now().getTime() - 1000).toISOString()}', now())` as never,
    );
    expect(await api.container.services.webhooks.queueDue()).toBe(1);
    const request = await until('the due attempt', () =>
      receiver.received.find((r) => r.headers['pace-delivery-id'] === deliveryId),
    );
    expect(request.body).toBe(body);
    await until('the due delivery recorded', async () => {
      const node = (await deliveries(okEndpoint.id)).edges.find((e) => e.node.id === deliveryId);
      return node?.node.status === 'SUCCEEDED' ? node : undefined;
    });
    expect(await api.container.services.webhooks.queueDue()).toBe(0);
  });

  it('deletes finished deliveries past the retention period, never pending ones', async () => {
    const day = 86_400_000;
    const now = clock.now().getTime();
    const insert = async (status: string, completedDaysAgo: number | null) => {
      const id = randomUUID();
      const completed =
        completedDaysAgo === null
          ? 'null'
          : `'${new Date(now - completedDaysAgo * day).toISOString()}'`;
      await api.container.database.db.execute(
        `insert into webhook_deliveries (id, user_id, endpoint_id, event_id, event_type, body, status, attempt_count, round, next_attempt_at, created_at, completed_at) values ('${id}', '${user.userId}', '${okEndpoint.id}', '${randomUUID()}', 'webhook.test', '{}', '${status}', 1, 1, ${status === 'pending' ? `'${new Date(now + day).toISOString()}'` : 'null'}, '${new Date(now - 40 * day).toISOString()}', ${completed})` as never,
      );
      await api.container.database.db.execute(
        `insert into webhook_attempts (id, user_id, delivery_id, number, started_at, duration_ms, status_code, succeeded) values ('${randomUUID()}', '${user.userId}', '${id}', 1, '${new Date(now - 40 * day).toISOString()}', 5, 500, false)` as never,
      );
      return id;
    };
    const oldSucceeded = await insert('succeeded', 31);
    const oldFailed = await insert('failed', 45);
    const recentFailed = await insert('failed', 29);
    const oldPending = await insert('pending', null);
    // The test API keeps the default retention: 30 days.
    expect(await api.container.services.webhooks.pruneDeliveries()).toBe(2);
    const ids = (await deliveries(okEndpoint.id, 100)).edges.map((e) => e.node.id);
    expect(ids).not.toContain(oldSucceeded);
    expect(ids).not.toContain(oldFailed);
    expect(ids).toEqual(expect.arrayContaining([recentFailed, oldPending]));
    const orphans = await api.container.database.db.execute(
      `select count(*)::int as n from webhook_attempts where delivery_id in ('${oldSucceeded}', '${oldFailed}')` as never,
    );
    expect(JSON.stringify(orphans)).toContain('"n":0');
    expect(await api.container.services.webhooks.pruneDeliveries()).toBe(0);
  });

  it('keeps endpoints to their owner', async () => {
    const other = await signUp(api);
    const otherToken = await accessTokenWithScopes(api, other.userId, ALL_SCOPES);
    for (const [query, variables] of [
      [DELIVERIES, { id: okEndpoint.id }],
      [TEST, { id: okEndpoint.id }],
      [ROTATE, { id: okEndpoint.id }],
      [DELETE, { id: okEndpoint.id }],
    ] as const) {
      const response = await api.graphql(query, variables, bearer(otherToken));
      expect(response.errors?.[0]?.extensions?.code, query).toBe('NOT_FOUND');
    }
    const list = await api.graphql<{ webhookEndpoints: unknown[] }>(
      ENDPOINTS,
      {},
      bearer(otherToken),
    );
    expect(list.data?.webhookEndpoints).toEqual([]);
    const deleted = await call<{ deleteWebhookEndpoint: { deletedEndpointId: string } }>(DELETE, {
      id: okEndpoint.id,
    });
    expect(deleted.deleteWebhookEndpoint.deletedEndpointId).toBe(okEndpoint.id);
  });
});

describe(`webhook targets in production mode (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    user = await signUp(api);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it.each([
    ['https://127.0.0.1/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://10.0.0.1/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://169.254.169.254/latest/meta-data', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://[::1]/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://[::ffff:127.0.0.1]/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://100.64.0.1/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://192.168.1.10/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['https://localhost/hook', 'WEBHOOK_TARGET_FORBIDDEN'],
    ['http://example.com/hook', 'WEBHOOK_URL_INVALID'],
    ['https://user:pw@example.com/hook', 'WEBHOOK_URL_INVALID'],
    ['not a url', 'WEBHOOK_URL_INVALID'],
  ])('refuses %s', async (url, reason) => {
    const response = await api.graphql(
      CREATE_ENDPOINT,
      { input: { url, eventTypes: ['TRANSACTION_CREATED'] } },
      bearer(user.accessToken),
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    const list = await api.graphql<{ webhookEndpoints: unknown[] }>(
      ENDPOINTS,
      {},
      bearer(user.accessToken),
    );
    expect(list.data?.webhookEndpoints).toEqual([]);
  });

  it('refuses an empty set of event types', async () => {
    const response = await api.graphql(
      CREATE_ENDPOINT,
      { input: { url: 'https://203.0.113.9/hook', eventTypes: [] } },
      bearer(user.accessToken),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
