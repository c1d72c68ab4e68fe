import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';
// After the kit, which loads the whole app first (a feature module alone meets import cycles).
import { webhookDeliveries } from '../../src/features/webhooks';

/**
 * Every Relay connection pages forward (`first`/`after`) and backward (`last`/`before`) without
 * gaps or repeats while items are inserted between pages: the list read whole at the end, in its
 * order, is exactly what the pages gave (less what was inserted where a page had already passed).
 */

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

interface Case {
  field: string;
  /** Extra variable declarations and arguments of the field (e.g. a date range). */
  extra?: { declare: string; args: string; values: Record<string, unknown> };
  admin?: boolean;
  /** Prepares what the list needs (e.g. its parent) and returns the variables that name it. */
  setup?: (api: TestApi, user: TestUser) => Promise<Record<string, unknown>>;
  /** Adds the i-th item of the list for `user` (`values`: the variables `setup` returned). */
  insert: (
    api: TestApi,
    user: TestUser,
    i: number,
    values: Record<string, unknown>,
  ) => Promise<void>;
  /** Waits until the list holds at least `count` items (lists filled through the queue). */
  settle?: boolean;
}

async function call<T>(api: TestApi, user: TestUser, query: string, variables = {}): Promise<T> {
  const response = await api.graphql<T>(query, variables, bearer(user.accessToken));
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

const onboard = (api: TestApi, user: TestUser) =>
  call(
    api,
    user,
    'mutation { completeOnboarding(input: { currency: "EUR", timeZone: "Europe/Berlin", income: "3000.00" }) { alreadyCompleted } }',
  );

const day = (i: number) =>
  `2026-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}`;

const CASES: Case[] = [
  {
    field: 'transactionsConnection',
    insert: (api, user, i) =>
      call(
        api,
        user,
        'mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }',
        // Booked on scattered days, so inserts land before, between and after the pages read.
        { input: { amount: '1.00', categoryId: 'coffee', bookedOn: day((i * 7) % 50) } },
      ).then(() => undefined),
  },
  {
    field: 'goalsConnection',
    insert: (api, user, i) =>
      call(
        api,
        user,
        `mutation { createGoal(input: { name: "Goal ${i}", target: "50.00" }) { goal { id } } }`,
      ).then(() => undefined),
  },
  {
    field: 'habitsConnection',
    insert: (api, user, i) =>
      call(
        api,
        user,
        `mutation { createHabit(input: { name: "Habit ${i}" }) { habit { id } } }`,
      ).then(() => undefined),
  },
  {
    field: 'moodsConnection',
    extra: {
      declare: ', $from: Date, $to: Date',
      args: ', from: $from, to: $to',
      values: { from: '2026-01-01', to: '2026-02-28' },
    },
    insert: (api, user, i) =>
      call(api, user, 'mutation($input: LogMoodInput!) { logMood(input: $input) { on } }', {
        input: { on: day((i * 11) % 50), score: 3 },
      }).then(() => undefined),
  },
  {
    field: 'recurringTransactionsConnection',
    insert: (api, user, i) =>
      call(
        api,
        user,
        'mutation($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id } }',
        {
          input: {
            amount: '5.00',
            categoryId: 'coffee',
            frequency: 'MONTHLY',
            dayNumber: 3,
            startOn: `2099-${String(((i * 5) % 12) + 1).padStart(2, '0')}-01`,
          },
        },
      ).then(() => undefined),
  },
  {
    field: 'personalAccessTokensConnection',
    insert: (api, user, i) =>
      call(
        api,
        user,
        `mutation { createPersonalAccessToken(input: { name: "t${i}", scopes: ["read:profile"], expiresInDays: 1 }) { personalAccessToken { id } } }`,
      ).then(() => undefined),
  },
  {
    field: 'notificationsConnection',
    settle: true,
    insert: (api, user, i) =>
      api.container.services.notifications.delivery.raise([
        { userId: user.userId, type: 'win', groupKey: `page-${i}-${user.userId}`, params: {} },
      ]),
  },
  {
    field: 'auditLogConnection',
    admin: true,
    extra: {
      declare: ', $filter: AuditLogFilter',
      args: ', filter: $filter',
      values: {},
    },
    insert: (api, user, i) =>
      api.container.services.audit.record({
        event: 'scope.denied',
        userId: user.userId,
        ip: '127.0.0.1',
        details: { i },
      }),
  },
  {
    field: 'webhookDeliveries',
    extra: { declare: ', $endpointId: ID!', args: ', endpointId: $endpointId', values: {} },
    setup: async (api, user) => {
      // A public address literal: accepted without a DNS lookup, and never sent to here.
      const created = await call<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        api,
        user,
        'mutation { createWebhookEndpoint(input: { url: "https://93.184.215.14/pace", eventTypes: [GOAL_MILESTONE] }) { endpoint { id } } }',
      );
      return { endpointId: created.createWebhookEndpoint.endpoint.id };
    },
    // Finished deliveries stored directly (nothing is sent), created at scattered instants.
    insert: async (api, user, i, values) => {
      await api.container.database.db.insert(webhookDeliveries).values({
        id: randomUUID(),
        userId: user.userId,
        endpointId: String(values.endpointId),
        eventId: randomUUID(),
        eventType: 'webhook.test',
        body: '{}',
        status: 'failed',
        attemptCount: 1,
        round: 1,
        nextAttemptAt: null,
        lastStatusCode: 500,
        createdAt: new Date(Date.parse('2026-01-01T00:00:00Z') + ((i * 7) % 50) * 60_000),
        completedAt: null,
      });
    },
  },
  {
    field: 'adminUsersConnection',
    admin: true,
    extra: { declare: ', $search: String', args: ', search: $search', values: {} },
    setup: () => Promise.resolve({ search: `paging-${randomUUID().slice(0, 8)}-` }),
    // Accounts whose e-mails sort before, between and after the pages read.
    insert: (api, _user, i, values) =>
      signUp(api, {
        email: `${String(values.search)}${String.fromCharCode(97 + ((i * 7) % 26))}${i}@example.com`,
      }).then(() => undefined),
  },
];

function pageQuery(c: Case): string {
  return `query($first: Int, $after: String, $last: Int, $before: String${c.extra?.declare ?? ''}) {
    list: ${c.field}(first: $first, after: $after, last: $last, before: $before${c.extra?.args ?? ''}) {
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
}

describe(`Relay connections page without gaps or repeats under inserts (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it.each(CASES.map((c) => [c.field, c] as const))('%s', async (_field, c) => {
    const user = await signUp(api, c.admin ? { role: 'admin' } : {});
    await onboard(api, user);
    const values = { ...c.extra?.values, ...(await c.setup?.(api, user)) };
    if (c.field === 'auditLogConnection')
      Object.assign(values, { filter: { event: 'scope.denied', userId: user.userId } });
    const query = pageQuery(c);
    const read = (variables: Record<string, unknown>) =>
      call<{ list: Page }>(api, user, query, { ...values, ...variables }).then((d) => d.list);
    const whole = async () => (await read({ first: 100 })).edges.map((e) => e.node.id);
    const waitForCount = async (count: number) => {
      for (let i = 0; i < 100 && (await whole()).length < count; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await whole()).length).toBeGreaterThanOrEqual(count);
    };

    let inserted = 0;
    const insert = async () => {
      await c.insert(api, user, inserted, values);
      inserted += 1;
      if (c.settle) await waitForCount(inserted);
    };
    for (let i = 0; i < 7; i += 1) await insert();

    // Forward: pages of 2, one insert after each page.
    const before = await whole();
    const forward: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await read({ first: 2, after });
      forward.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      await insert();
    }
    const afterForward = await whole();
    expect(new Set(forward).size, 'no repeats').toBe(forward.length);
    expect(
      before.every((id) => forward.includes(id)),
      'no gaps',
    ).toBe(true);
    // What the pages gave is the whole list in its order, less inserts behind the pages.
    expect(forward).toEqual(afterForward.filter((id) => forward.includes(id)));

    // Backward: pages of 3 from the end, one insert after each page.
    const start = await whole();
    const backward: string[][] = [];
    let beforeCursor: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await read({ last: 3, before: beforeCursor });
      backward.unshift(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.hasNextPage).toBe(beforeCursor !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      beforeCursor = page.pageInfo.startCursor;
      await insert();
    }
    const seen = backward.flat();
    const end = await whole();
    expect(new Set(seen).size, 'no repeats').toBe(seen.length);
    expect(
      start.every((id) => seen.includes(id)),
      'no gaps',
    ).toBe(true);
    expect(seen).toEqual(end.filter((id) => seen.includes(id)));
    expect(end.length).toBeGreaterThan(start.length);
  });

  it('refuses contradictory arguments and forged cursors as BAD_USER_INPUT', async () => {
    const user = await signUp(api);
    const codes = async (args: string) => {
      const r = await api.graphql(
        `{ goalsConnection(${args}) { edges { cursor } } }`,
        {},
        bearer(user.accessToken),
      );
      return (r.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.reason]);
    };
    expect(await codes('first: 1, last: 1')).toEqual([
      ['BAD_USER_INPUT', 'CONNECTION_ARGS_INVALID'],
    ]);
    expect(await codes('first: 0')).toEqual([['BAD_USER_INPUT', 'CONNECTION_ARGS_INVALID']]);
    expect(await codes('first: 101')).toEqual([['BAD_USER_INPUT', 'CONNECTION_ARGS_INVALID']]);
    expect(await codes('after: "bm90IGEgY3Vyc29y"')).toEqual([
      ['BAD_USER_INPUT', 'CONNECTION_CURSOR_INVALID'],
    ]);
    const forged = Buffer.from(JSON.stringify(['not-a-day', 'x', 'y'])).toString('base64url');
    const ledger = await api.graphql(
      `{ transactionsConnection(after: "${forged}") { edges { cursor } } }`,
      {},
      bearer(user.accessToken),
    );
    expect(ledger.errors?.[0]?.extensions?.reason).toBe('CONNECTION_CURSOR_INVALID');
  });
});
