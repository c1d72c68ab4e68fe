import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { subscribe } from '../subscriptions';
import {
  budgetClient,
  cents,
  fixedClock,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from '../budget/budget-client';

// 15:00 UTC is 10:00 in New York: every write below is booked on 2026-03-10.
const clock = fixedClock('2026-03-10T15:00:00Z');
const DAY = '2026-03-10';

const SPLIT_FIELDS = `split { id version total { amount currency } bookedOn payee partIds deletedAt parts { id categoryId amount { amount } } }
  parts { id splitId categoryId amount { amount } description merchant bookedOn version deletedAt }
  conflict`;
const CREATE_SPLIT = `mutation C($input: CreateSplitTransactionInput!) { createSplitTransaction(input: $input) { ${SPLIT_FIELDS} } }`;
const UPDATE_SPLIT = `mutation U($input: UpdateSplitInput!) { updateSplit(input: $input) { ${SPLIT_FIELDS} } }`;
const DELETE_SPLIT = `mutation D($id: ID!) { deleteSplit(id: $id) { ${SPLIT_FIELDS} } }`;
const UPDATE_TX = `mutation U($input: UpdateTransactionInput!) { updateTransaction(input: $input) { conflict transaction { id version categoryId description amount { amount } splitId } } }`;
const DELETE_TX = `mutation D($id: ID!) { deleteTransaction(id: $id) { transaction { id deletedAt } } }`;
const CREATE_TX = `mutation C($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id version } } }`;
const CHANGES = `query Changes($since: String) { changes(since: $since) { cursor changes { kind id deleted split { id version partIds total { amount } } transaction { id splitId categoryId amount { amount } deletedAt } } } }`;

interface Part {
  id: string;
  splitId: string | null;
  categoryId: string;
  amount: { amount: string };
  description: string;
  merchant: string | null;
  bookedOn: string;
  version: number;
  deletedAt: string | null;
}
interface SplitPayload {
  split: {
    id: string;
    version: number;
    total: { amount: string; currency: string };
    bookedOn: string;
    payee: string | null;
    partIds: string[];
    deletedAt: string | null;
    parts: Array<{ id: string; categoryId: string; amount: { amount: string } }>;
  };
  parts: Part[];
  conflict: boolean;
}
type GraphQLErrors = Array<{ message: string; extensions?: Record<string, unknown> }>;

const THREE_WAYS = {
  total: '100.00',
  payee: 'Market Hall',
  parts: [
    { categoryId: 'groceries', amount: '33.33', note: 'food' },
    { categoryId: 'coffee', amount: '33.33' },
    { categoryId: 'dining_out', amount: '33.34' },
  ],
};

describe(`split transactions (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function onboarded() {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return client;
  }
  type Client = Awaited<ReturnType<typeof onboarded>>;

  /** Each category's spending on the day, in cents, and the month's total spending. */
  async function spentOn(client: Client) {
    const month = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    const day = month.days.find((d) => d.date === DAY);
    const byCategory = Object.fromEntries(
      (day?.categories ?? []).map((c) => [c.categoryId, cents(c.spent.amount)]),
    );
    return { byCategory, total: cents(month.totals.spent.amount) };
  }

  async function failure(client: Client, query: string, variables: Record<string, unknown>) {
    const response = await client.raw<unknown>(query, variables);
    const errors = (response.errors ?? []) as GraphQLErrors;
    expect(errors, 'the call must be refused').toHaveLength(1);
    return errors[0]?.extensions ?? {};
  }

  it('books 100.00 as 33.33 / 33.33 / 33.34 in three categories, each on its own day cell', async () => {
    const client = await onboarded();
    const before = await spentOn(client);
    const id = randomUUID();
    const { createSplitTransaction: created } = await client.call<{
      createSplitTransaction: SplitPayload;
    }>(CREATE_SPLIT, { input: { id, ...THREE_WAYS } });

    expect(created.conflict).toBe(false);
    expect(created.split).toMatchObject({
      id,
      version: 1,
      total: { amount: '100.00', currency: 'USD' },
      bookedOn: DAY,
      payee: 'Market Hall',
      deletedAt: null,
    });
    expect(created.parts.map((p) => [p.categoryId, p.amount.amount, p.splitId])).toEqual([
      ['groceries', '33.33', id],
      ['coffee', '33.33', id],
      ['dining_out', '33.34', id],
    ]);
    expect(created.split.partIds).toEqual(created.parts.map((p) => p.id));
    expect(created.split.parts.map((p) => p.id)).toEqual(created.split.partIds);
    expect(created.parts[0]).toMatchObject({ description: 'food', merchant: 'Market Hall' });

    const after = await spentOn(client);
    expect(after.total - before.total).toBe(10_000);
    for (const [category, part] of [
      ['groceries', 3333],
      ['coffee', 3333],
      ['dining_out', 3334],
    ] as const) {
      expect((after.byCategory[category] ?? 0) - (before.byCategory[category] ?? 0)).toBe(part);
    }

    // A replay of the same create (an offline outbox sent twice) books nothing more.
    const replay = await client.call<{ createSplitTransaction: SplitPayload }>(CREATE_SPLIT, {
      input: { id, ...THREE_WAYS },
    });
    expect(replay.createSplitTransaction.parts.map((p) => p.id)).toEqual(created.split.partIds);
    expect((await spentOn(client)).total).toBe(after.total);
  });

  it('writes every part in one budget write: one budgetUpdated for the month, with all three categories', async () => {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const live = await subscribe<{
      budgetUpdated: { month: string; cause: string; categories: Array<{ categoryId: string }> };
    }>(api.url, 'subscription { budgetUpdated { month cause categories { categoryId } } }', {
      connectionParams: bearer(user.accessToken),
    });
    try {
      await client.call(CREATE_SPLIT, { input: THREE_WAYS });
      const event = (await live.next()).budgetUpdated;
      expect(event).toMatchObject({ month: '2026-03', cause: 'transaction' });
      expect(event.categories.map((c) => c.categoryId)).toEqual(
        expect.arrayContaining(['groceries', 'coffee', 'dining_out']),
      );
      await expect(live.next(1_000)).rejects.toThrow(/no event/);
    } finally {
      await live.close();
    }
  });

  it('refuses a part’s amount edited alone, allows its category and note, keeps the total exact', async () => {
    const client = await onboarded();
    const { createSplitTransaction: created } = await client.call<{
      createSplitTransaction: SplitPayload;
    }>(CREATE_SPLIT, { input: THREE_WAYS });
    const [first, second] = created.parts;
    if (!first || !second) throw new Error('two parts expected');
    const before = await spentOn(client);

    const refused = await failure(client, UPDATE_TX, {
      input: { id: first.id, baseVersion: first.version, amount: '40.00' },
    });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SPLIT_TOTAL_MISMATCH' });
    expect(await spentOn(client)).toEqual(before);

    const moved = await failure(client, UPDATE_TX, {
      input: { id: first.id, baseVersion: first.version, bookedOn: '2026-03-12' },
    });
    expect(moved).toMatchObject({ code: 'CONFLICT', reason: 'SPLIT_PART_LOCKED' });
    expect(await failure(client, DELETE_TX, { id: first.id })).toMatchObject({
      reason: 'SPLIT_PART_LOCKED',
    });

    // The same amount sent again (a full form) with a new category and note is fine.
    const { updateTransaction } = await client.call<{
      updateTransaction: { transaction: { categoryId: string; description: string } };
    }>(UPDATE_TX, {
      input: {
        id: first.id,
        baseVersion: first.version,
        amount: '33.33',
        categoryId: 'clothing',
        description: 'soap',
      },
    });
    expect(updateTransaction.transaction).toMatchObject({
      categoryId: 'clothing',
      description: 'soap',
    });
    const recategorised = await spentOn(client);
    expect(recategorised.total).toBe(before.total);
    expect((recategorised.byCategory.groceries ?? 0) - (before.byCategory.groceries ?? 0)).toBe(
      -3333,
    );

    // Changing one part and another by the same amount goes through the split, total exact.
    const { updateSplit } = await client.call<{ updateSplit: SplitPayload }>(UPDATE_SPLIT, {
      input: {
        id: created.split.id,
        baseVersion: created.split.version,
        parts: [
          { id: first.id, categoryId: 'clothing', amount: '40.00' },
          { id: second.id, categoryId: 'coffee', amount: '26.66' },
          { categoryId: 'dining_out', amount: '33.34' },
        ],
      },
    });
    expect(updateSplit.conflict).toBe(false);
    expect(updateSplit.split.version).toBe(2);
    expect(updateSplit.parts.map((p) => p.amount.amount)).toEqual(['40.00', '26.66', '33.34']);
    expect(updateSplit.parts.slice(0, 2).map((p) => p.id)).toEqual([first.id, second.id]);
    const edited = await spentOn(client);
    expect(edited.total).toBe(before.total);
    expect((edited.byCategory.coffee ?? 0) - (before.byCategory.coffee ?? 0)).toBe(-667);

    // A stale base version changes nothing and says so.
    const stale = await client.call<{ updateSplit: SplitPayload }>(UPDATE_SPLIT, {
      input: {
        id: created.split.id,
        baseVersion: 1,
        parts: [
          { categoryId: 'groceries', amount: '50.00' },
          { categoryId: 'coffee', amount: '50.00' },
        ],
      },
    });
    expect(stale.updateSplit.conflict).toBe(true);
    expect(stale.updateSplit.split.version).toBe(2);
    expect(await spentOn(client)).toEqual(edited);

    const mismatch = await failure(client, UPDATE_SPLIT, {
      input: {
        id: created.split.id,
        baseVersion: 2,
        parts: [
          { categoryId: 'groceries', amount: '50.00' },
          { categoryId: 'coffee', amount: '49.99' },
        ],
      },
    });
    expect(mismatch).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SPLIT_TOTAL_MISMATCH' });
  });

  it.each([
    [
      'parts that do not add up',
      { parts: [{ amount: '50.00' }, { amount: '49.99' }] },
      'SPLIT_TOTAL_MISMATCH',
    ],
    ['one part only', { total: '10.00', parts: [{ amount: '10.00' }] }, 'SPLIT_INPUT_INVALID'],
    [
      'a zero part',
      { total: '10.00', parts: [{ amount: '10.00' }, { amount: '0' }] },
      'SPLIT_INPUT_INVALID',
    ],
    [
      'more decimals than USD has',
      { parts: [{ amount: '50.005' }, { amount: '49.995' }] },
      'MONEY_TOO_MANY_DECIMALS',
    ],
    [
      'more than 20 parts',
      { total: '21.00', parts: Array.from({ length: 21 }, () => ({ amount: '1.00' })) },
      'SPLIT_INPUT_INVALID',
    ],
    [
      'an unknown category',
      { parts: [{ amount: '50.00', categoryId: 'unicorns' }, { amount: '50.00' }] },
      'CATEGORY_UNKNOWN',
    ],
    [
      'another currency',
      { currency: 'EUR', parts: [{ amount: '50.00' }, { amount: '50.00' }] },
      'SPLIT_INPUT_INVALID',
    ],
  ])('refuses %s with a typed error and writes nothing', async (_name, change, reason) => {
    const client = await onboarded();
    const before = await spentOn(client);
    const input = {
      total: '100.00',
      ...change,
      parts: change.parts.map((part) => ({ categoryId: 'groceries', ...part })),
    };
    const extensions = await failure(client, CREATE_SPLIT, { input });
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await spentOn(client)).toEqual(before);
  });

  it('syncs the split and its parts through changes(since), and deletes them together', async () => {
    const client = await onboarded();
    const start = (await client.call<{ changes: { cursor: string } }>(CHANGES, {})).changes.cursor;
    const before = await spentOn(client);
    const { createSplitTransaction: created } = await client.call<{
      createSplitTransaction: SplitPayload;
    }>(CREATE_SPLIT, { input: THREE_WAYS });

    type Changes = {
      changes: {
        cursor: string;
        changes: Array<{
          kind: string;
          id: string;
          deleted: boolean;
          split: { partIds: string[]; total: { amount: string } } | null;
          transaction: { splitId: string | null; deletedAt: string | null } | null;
        }>;
      };
    };
    const pulled = (await client.call<Changes>(CHANGES, { since: start })).changes;
    const splitChange = pulled.changes.find((c) => c.kind === 'SPLIT');
    expect(splitChange).toMatchObject({
      id: created.split.id,
      deleted: false,
      split: { partIds: created.split.partIds, total: { amount: '100.00' } },
    });
    const partChanges = pulled.changes.filter((c) => c.kind === 'TRANSACTION');
    expect(partChanges.map((c) => c.id).sort()).toEqual([...created.split.partIds].sort());
    expect(partChanges.every((c) => c.transaction?.splitId === created.split.id)).toBe(true);

    const { deleteSplit } = await client.call<{ deleteSplit: SplitPayload }>(DELETE_SPLIT, {
      id: created.split.id,
    });
    expect(deleteSplit.split.deletedAt).not.toBeNull();
    expect(deleteSplit.parts).toEqual([]);
    expect(await spentOn(client)).toEqual(before);
    const tombstones = (await client.call<Changes>(CHANGES, { since: pulled.cursor })).changes;
    expect(
      tombstones.changes
        .filter((c) => c.deleted)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['SPLIT', 'TRANSACTION', 'TRANSACTION', 'TRANSACTION']);
  });

  it('splits into a goal, and replaces a plain transaction in the same write', async () => {
    const client = await onboarded();
    const goal = await client.call<{ createGoal: { goal: { id: string; categoryId: string } } }>(
      `mutation C($input: CreateGoalInput!) { createGoal(input: $input) { goal { id categoryId } } }`,
      { input: { name: 'Bike', target: '900.00', targetOn: '2026-05-31' } },
    );
    const plain = await client.call<{ createTransaction: { transaction: { id: string } } }>(
      CREATE_TX,
      { input: { amount: '60.00', categoryId: 'groceries' } },
    );
    const before = await spentOn(client);
    const { createSplitTransaction: created } = await client.call<{
      createSplitTransaction: SplitPayload;
    }>(CREATE_SPLIT, {
      input: {
        total: '60.00',
        replacesTransactionId: plain.createTransaction.transaction.id,
        parts: [
          { categoryId: 'groceries', amount: '45.00' },
          { categoryId: goal.createGoal.goal.categoryId, amount: '15.00' },
        ],
      },
    });
    expect(created.parts.map((p) => p.categoryId)).toEqual([
      'groceries',
      goal.createGoal.goal.categoryId,
    ]);
    const after = await spentOn(client);
    expect((after.byCategory.groceries ?? 0) - (before.byCategory.groceries ?? 0)).toBe(-1500);
    const saved = await client.call<{ goals: Array<{ id: string; saved: { amount: string } }> }>(
      '{ goals { id saved { amount } } }',
    );
    expect(saved.goals.find((g) => g.id === goal.createGoal.goal.id)?.saved.amount).toBe('15.00');
    // The replaced transaction is gone: a second split cannot replace it again.
    expect(
      await failure(client, CREATE_SPLIT, {
        input: {
          total: '60.00',
          replacesTransactionId: plain.createTransaction.transaction.id,
          parts: [
            { categoryId: 'groceries', amount: '30.00' },
            { categoryId: 'coffee', amount: '30.00' },
          ],
        },
      }),
    ).toMatchObject({ reason: 'SPLIT_INPUT_INVALID' });
    // Nor can it come back on its own: the split holds its money now.
    expect(
      await failure(client, 'mutation ($id: ID!) { restoreTransaction(id: $id) { conflict } }', {
        id: plain.createTransaction.transaction.id,
      }),
    ).toMatchObject({ reason: 'SPLIT_PART_LOCKED' });
    expect(await spentOn(client)).toEqual(after);
  });
});
