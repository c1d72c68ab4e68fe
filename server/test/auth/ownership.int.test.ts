import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { rootOperations, sampleCall } from './schema-operations';

/**
 * How to make something owned by `owner` for each operation that takes an id, returning the
 * arguments to call it with. A new operation with an id argument fails the suite until it has a row.
 */
const OWNED: Record<string, (api: TestApi, owner: TestUser) => Promise<Record<string, unknown>>> = {
  revokePersonalAccessToken: async (api, owner) => {
    const created = await api.graphql<{
      createPersonalAccessToken: { personalAccessToken: { id: string } };
    }>(
      'mutation { createPersonalAccessToken(input: { name: "x", scopes: ["read:profile"], expiresInDays: 1 }) { personalAccessToken { id } } }',
      {},
      bearer(owner.accessToken),
    );
    return { id: created.data?.createPersonalAccessToken.personalAccessToken.id };
  },
  revokeSession: async (api, owner) => {
    const listed = await api.graphql<{ sessions: { id: string }[] }>(
      '{ sessions { id } }',
      {},
      bearer(owner.accessToken),
    );
    return { id: listed.data?.sessions[0]?.id };
  },
  removePasskey: async (api, owner) => {
    // A stored credential is enough: the operation must not reveal or touch another person's passkey.
    const id = `cred-${owner.userId}`;
    await api.container.database.db.execute(
      `insert into passkeys (id, user_id, name, public_key, counter, transports, created_at) values ('${id}', '${owner.userId}', 'k', 'AA', 0, '[]', now())` as never,
    );
    return { id };
  },
};

/** A transaction of `owner` (onboarding first; it is idempotent). */
async function ownedTransaction(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await api.graphql(
    'mutation { completeOnboarding(input: { currency: "USD", timeZone: "America/New_York", income: "3000.00" }) { alreadyCompleted } }',
    {},
    bearer(owner.accessToken),
  );
  const created = await api.graphql<{ createTransaction: { transaction: { id: string } } }>(
    'mutation { createTransaction(input: { amount: "4.50", categoryId: "coffee" }) { transaction { id } } }',
    {},
    bearer(owner.accessToken),
  );
  return { id: created.data?.createTransaction.transaction.id };
}
Object.assign(OWNED, {
  transaction: ownedTransaction,
  deleteTransaction: ownedTransaction,
  restoreTransaction: ownedTransaction,
});

/** A manual budget move of `owner`: a cent from today's Flex to today's groceries (in the budget's zone). */
async function ownedAdjustment(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    api.container.clock.now(),
  );
  const created = await api.graphql<{ adjustBudget: { id: string } }>(
    'mutation($input: AdjustBudgetInput!) { adjustBudget(input: $input) { id } }',
    {
      input: {
        fromCategoryId: 'flex',
        fromOn: today,
        toCategoryId: 'groceries',
        toOn: today,
        amount: '0.01',
      },
    },
    bearer(owner.accessToken),
  );
  return { id: created.data?.adjustBudget.id };
}
Object.assign(OWNED, { deleteBudgetAdjustment: ownedAdjustment });

/** A notification of `owner`, raised through the queue as a source would. */
async function ownedNotification(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await api.container.services.notifications.delivery.raise([
    { userId: owner.userId, type: 'win', groupKey: `owned-${owner.userId}`, params: {} },
  ]);
  for (let i = 0; i < 100; i += 1) {
    const listed = await api.graphql<{ notifications: { edges: { node: { id: string } }[] } }>(
      '{ notifications(first: 1) { edges { node { id } } } }',
      {},
      bearer(owner.accessToken),
    );
    const id = listed.data?.notifications.edges[0]?.node.id;
    if (id) return { id };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { id: undefined };
}
Object.assign(OWNED, { markNotificationRead: ownedNotification });

/** A recurring transaction of `owner`. */
async function ownedRecurring(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const created = await api.graphql<{ createRecurringTransaction: { id: string } }>(
    'mutation { createRecurringTransaction(input: { amount: "5.00", categoryId: "coffee", frequency: MONTHLY, dayNumber: 28, startOn: "2099-01-01" }) { id } }',
    {},
    bearer(owner.accessToken),
  );
  return { id: created.data?.createRecurringTransaction.id };
}
Object.assign(OWNED, { endRecurringTransaction: ownedRecurring });

/** A savings goal of `owner`. */
async function ownedGoal(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const created = await api.graphql<{ createGoal: { goal: { id: string } } }>(
    'mutation { createGoal(input: { name: "Bike", target: "500.00" }) { goal { id } } }',
    {},
    bearer(owner.accessToken),
  );
  return { id: created.data?.createGoal.goal.id };
}
Object.assign(OWNED, { goal: ownedGoal, deleteGoal: ownedGoal });

/** A habit of `owner`. */
async function ownedHabit(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  const created = await api.graphql<{ createHabit: { habit: { id: string } } }>(
    'mutation { createHabit(input: { name: "Walk" }) { habit { id } } }',
    {},
    bearer(owner.accessToken),
  );
  const id = created.data?.createHabit.habit.id;
  return { id, habitId: id };
}
Object.assign(OWNED, { archiveHabit: ownedHabit, checkInHabit: ownedHabit });

/** A bank-file import of `owner` (one CSV row). */
async function ownedImport(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const importId = randomUUID();
  await api.graphql(
    'mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { importId } }',
    {
      input: {
        importId,
        format: 'CSV',
        content: 'date,amount\n2026-01-05,-1.00\n',
        csv: { delimiter: ',', hasHeader: true, columns: { date: 'date', amount: 'amount' } },
      },
    },
    bearer(owner.accessToken),
  );
  return { importId };
}
Object.assign(OWNED, { importReport: ownedImport });

/** Id arguments that name no stored resource of a person, with the reason. */
const NOT_RESOURCES: Record<string, string> = {
  finishPasskeyRegistration:
    'a one-time challenge: a foreign or unknown one fails verification alike',
  joinChallenge: 'a catalogue id: the same challenges for everyone; attempts are found by viewer',
  leaveChallenge: 'a catalogue id: the same challenges for everyone; attempts are found by viewer',
};

const idOperations = rootOperations().filter(
  (op) =>
    op.kind !== 'subscription' &&
    !op.isPublic &&
    !op.scopes?.includes('admin:*') &&
    !(op.name in NOT_RESOURCES) &&
    op.field.args.some((arg) => String(arg.type).replace('!', '') === 'ID'),
);

describe(`another person's ids answer NOT_FOUND (${TEST_MODE})`, () => {
  let api: TestApi;
  let owner: TestUser;
  let intruder: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    owner = await signUp(api);
    intruder = await signUp(api);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it.each(idOperations.map((op) => [op.name, op] as const))('%s', async (name, op) => {
    const factory = OWNED[name];
    expect(factory, `add ${name} to OWNED in ownership.int.test.ts`).toBeDefined();
    if (!factory) return;
    const args = await factory(api, owner);
    const { query, variables } = sampleCall(op, args);
    expect(errorCodes(await api.graphql(query, variables, bearer(intruder.accessToken)))).toEqual([
      'NOT_FOUND',
    ]);
    // The owner's call goes through, so NOT_FOUND above was about ownership, not the sample.
    expect(
      errorCodes(await api.graphql(query, variables, bearer(owner.accessToken))),
    ).not.toContain('NOT_FOUND');
  });
});
