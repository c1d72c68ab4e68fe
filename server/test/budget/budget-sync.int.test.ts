import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  isDistributed,
  signUp,
  startSecondNode,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { subscribe } from '../subscriptions';
import { budgetClient, CREATE, fixedClock, ONBOARD, US_ONBOARDING } from './budget-client';

const clock = fixedClock('2026-03-10T15:00:00Z');

const BUDGET_UPDATED = `subscription { budgetUpdated { month cause transactionId totals { spent { amount } } days { date } categories { categoryId spent { amount } } moves { fromCategoryId } } }`;
const LIST = `query List($first: Int!, $after: String) {
  transactions(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;
const CHANGES = `query Changes($since: String, $first: Int) {
  changes(since: $since, first: $first) {
    cursor hasMore
    changes { kind id deleted transaction { id version amount { amount } categoryId bookedOn deletedAt } plan { id month } settings { version } }
  }
}`;

type BudgetUpdatedEvent = {
  budgetUpdated: {
    month: string;
    cause: string;
    transactionId: string | null;
    categories: Array<{ categoryId: string; spent: { amount: string } }>;
  };
};
type ListResult = {
  transactions: {
    edges: Array<{ cursor: string; node: { id: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type ChangeRow = {
  kind: string;
  id: string;
  deleted: boolean;
  transaction: {
    id: string;
    version: number;
    amount: { amount: string };
    categoryId: string;
    bookedOn: string;
    deletedAt: string | null;
  } | null;
};
type ChangesResult = { changes: { cursor: string; hasMore: boolean; changes: ChangeRow[] } };
type CreateResult = {
  createTransaction: { conflict: boolean; transaction: { id: string; version: number } };
};

describe(`budget live updates and sync (${TEST_MODE})`, () => {
  let api: TestApi;
  let second: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi({ clock });
    if (isDistributed) second = await startSecondNode(api, { clock });
  });
  afterAll(async () => {
    await second?.stop();
    await api?.stop();
  });

  async function onboardedUser(on: TestApi = api) {
    const user = await signUp(on);
    const client = budgetClient(on, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return { user, client };
  }

  async function listAll(client: ReturnType<typeof budgetClient>, first = 50): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ListResult = await client.call<ListResult>(LIST, { first, after });
      ids.push(...page.transactions.edges.map((e) => e.node.id));
      if (!page.transactions.pageInfo.hasNextPage) return ids;
      after = page.transactions.pageInfo.endCursor;
    }
  }

  it('delivers budgetUpdated to every device of the user, on every node, and to nobody else', async () => {
    const { user, client } = await onboardedUser();
    const other = await onboardedUser();
    const otherNode = second ?? api;
    const deviceA = await subscribe<BudgetUpdatedEvent>(api.url, BUDGET_UPDATED, {
      connectionParams: bearer(user.accessToken),
    });
    const deviceB = await subscribe<BudgetUpdatedEvent>(otherNode.url, BUDGET_UPDATED, {
      connectionParams: bearer(user.accessToken),
    });
    const stranger = await subscribe<BudgetUpdatedEvent>(otherNode.url, BUDGET_UPDATED, {
      connectionParams: bearer(other.user.accessToken),
    });
    try {
      const created = await client.call<CreateResult>(CREATE, {
        input: { amount: '23.45', categoryId: 'groceries' },
      });
      const id = created.createTransaction.transaction.id;
      for (const device of [deviceA, deviceB]) {
        const event = (await device.next()).budgetUpdated;
        expect(event).toMatchObject({ month: '2026-03', cause: 'transaction', transactionId: id });
        expect(event.categories).toContainEqual({
          categoryId: 'groceries',
          spent: { amount: '23.45' },
        });
      }
      // The stranger's first event is their own write, never the other user's.
      const own = await other.client.call<CreateResult>(CREATE, {
        input: { amount: '1.00', categoryId: 'coffee' },
      });
      expect((await stranger.next()).budgetUpdated.transactionId).toBe(
        own.createTransaction.transaction.id,
      );
    } finally {
      await Promise.all([deviceA.close(), deviceB.close(), stranger.close()]);
    }
  });

  it('replaying 100 offline creates three times leaves exactly 100 transactions', async () => {
    const { client } = await onboardedUser();
    const outbox = Array.from({ length: 100 }, (_, i) => ({
      id: randomUUID(),
      amount: `${1 + (i % 9)}.${String(i % 100).padStart(2, '0')}`,
      categoryId: ['groceries', 'coffee', 'dining_out', 'transport_public'][i % 4],
      bookedOn: `2026-03-${String(1 + (i % 10)).padStart(2, '0')}`,
      description: `offline ${i}`,
    }));
    const firstIds: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < outbox.length; i += 10) {
        const batch = outbox
          .slice(i, i + 10)
          .map((input) => client.call<CreateResult>(CREATE, { input }));
        for (const result of await Promise.all(batch)) {
          expect(result.createTransaction).toMatchObject({
            conflict: false,
            transaction: { version: 1 },
          });
          if (round === 0) firstIds.push(result.createTransaction.transaction.id);
        }
      }
    }
    expect(firstIds).toEqual(outbox.map((o) => o.id));
    const ids = await listAll(client, 200);
    expect(ids).toHaveLength(100);
    expect(new Set(ids)).toEqual(new Set(outbox.map((o) => o.id)));
  });

  it('returns a conflict for a stale edit and keeps the newer version', async () => {
    const { client } = await onboardedUser();
    const created = await client.call<CreateResult>(CREATE, {
      input: { amount: '10.00', categoryId: 'coffee' },
    });
    const { id } = created.createTransaction.transaction;
    const UPDATE = `mutation($input: UpdateTransactionInput!) { updateTransaction(input: $input) { conflict transaction { version amount { amount } } } }`;
    type Updated = {
      updateTransaction: {
        conflict: boolean;
        transaction: { version: number; amount: { amount: string } };
      };
    };
    const first = await client.call<Updated>(UPDATE, {
      input: { id, baseVersion: 1, amount: '12.00' },
    });
    expect(first.updateTransaction).toEqual({
      conflict: false,
      transaction: { version: 2, amount: { amount: '12.00' } },
    });
    const stale = await client.call<Updated>(UPDATE, {
      input: { id, baseVersion: 1, amount: '99.00' },
    });
    expect(stale.updateTransaction).toEqual({
      conflict: true,
      transaction: { version: 2, amount: { amount: '12.00' } },
    });
  });

  it('changes(since) after creates, edits, deletes and restores reproduces the server state', async () => {
    const { client } = await onboardedUser();
    const UPDATE = `mutation($input: UpdateTransactionInput!) { updateTransaction(input: $input) { conflict } }`;
    const create = async (amount: string, categoryId: string) =>
      (await client.call<CreateResult>(CREATE, { input: { amount, categoryId } })).createTransaction
        .transaction.id;
    const ids = [] as string[];
    for (let i = 0; i < 12; i += 1)
      ids.push(await create(`${i + 1}.00`, i % 2 ? 'groceries' : 'coffee'));

    // A device pulls in small pages.
    const mirror = new Map<string, ChangeRow['transaction']>();
    const pull = async (since: string | null): Promise<string> => {
      let cursor = since;
      for (;;) {
        const page: ChangesResult = await client.call<ChangesResult>(CHANGES, {
          since: cursor,
          first: 5,
        });
        for (const change of page.changes.changes) {
          if (change.kind !== 'TRANSACTION') continue;
          if (change.deleted) mirror.delete(change.id);
          else mirror.set(change.id, change.transaction);
        }
        cursor = page.changes.cursor;
        if (!page.changes.hasMore) return cursor;
      }
    };
    const cursor = await pull(null);

    await client.call(UPDATE, {
      input: { id: ids[0], baseVersion: 1, amount: '50.00', categoryId: 'dining_out' },
    });
    await client.call(UPDATE, { input: { id: ids[1], baseVersion: 1, bookedOn: '2026-03-02' } });
    await client.call(`mutation($id: ID!) { deleteTransaction(id: $id) { conflict } }`, {
      id: ids[2],
    });
    await client.call(`mutation($id: ID!) { deleteTransaction(id: $id) { conflict } }`, {
      id: ids[3],
    });
    await client.call(`mutation($id: ID!) { restoreTransaction(id: $id) { conflict } }`, {
      id: ids[3],
    });
    ids.push(await create('7.77', 'groceries'));
    await pull(cursor);

    const server = new Map<string, ChangeRow['transaction']>();
    for (const id of await listAll(client)) {
      const row = await client.call<{ transaction: NonNullable<ChangeRow['transaction']> }>(
        `query($id: ID!) { transaction(id: $id) { id version amount { amount } categoryId bookedOn deletedAt } }`,
        { id },
      );
      server.set(id, row.transaction);
    }
    expect(server.size).toBe(12);
    expect(mirror).toEqual(server);
  });

  it('keeps pages stable while transactions are added concurrently', async () => {
    const { client } = await onboardedUser();
    const original: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const input = { amount: '3.00', categoryId: 'coffee', bookedOn: `2026-03-0${1 + (i % 9)}` };
      original.push(
        (await client.call<CreateResult>(CREATE, { input })).createTransaction.transaction.id,
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    let round = 0;
    for (;;) {
      const page: ListResult = await client.call<ListResult>(LIST, { first: 7, after });
      seen.push(...page.transactions.edges.map((e) => e.node.id));
      // Between pages another device adds transactions: newer, older and on the same days.
      await Promise.all(
        ['2026-03-10', '2026-03-01', `2026-03-0${1 + (round % 9)}`].map((bookedOn) =>
          client.call(CREATE, {
            input: {
              amount: '1.00',
              categoryId: 'coffee',
              bookedOn,
              occurredAt: '2026-02-01T00:00:00Z',
            },
          }),
        ),
      );
      round += 1;
      if (!page.transactions.pageInfo.hasNextPage) break;
      after = page.transactions.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of original) expect(seen).toContain(id);
  });
});
