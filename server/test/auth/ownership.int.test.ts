import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_SCOPES,
  accessTokenWithScopes,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { receipts } from '../../src/features/receipts';
import { committedSchema, rootOperations, sampleCall } from './schema-operations';

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

/** A split payment of `owner`: 10.00 over groceries and coffee. */
async function ownedSplit(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const created = await api.graphql<{ createSplitTransaction: { split: { id: string } } }>(
    'mutation { createSplitTransaction(input: { total: "10.00", parts: [{ categoryId: "groceries", amount: "6.00" }, { categoryId: "coffee", amount: "4.00" }] }) { split { id } } }',
    {},
    bearer(owner.accessToken),
  );
  return { id: created.data?.createSplitTransaction.split.id };
}
Object.assign(OWNED, { split: ownedSplit, deleteSplit: ownedSplit });

/** A categorisation rule of `owner` (rules need onboarding, as transactions do). */
async function ownedRule(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const created = await api.graphql<{ createRule: { rule: { id: string } } }>(
    'mutation { createRule(input: { textPattern: "owned", setCategoryId: "coffee" }) { rule { id } } }',
    {},
    bearer(owner.accessToken),
  );
  return { id: created.data?.createRule.rule.id };
}
Object.assign(OWNED, {
  rule: ownedRule,
  deleteRule: ownedRule,
  moveRule: ownedRule,
  applyRule: async (api: TestApi, owner: TestUser) => ({
    ruleId: (await ownedRule(api, owner)).id,
  }),
  ruleSuggestion: async (api: TestApi, owner: TestUser) => ({
    transactionId: (await ownedTransaction(api, owner)).id,
  }),
});

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

/** A money account of `owner`. */
async function ownedMoneyAccount(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  await ownedTransaction(api, owner);
  const created = await api.graphql<{ createMoneyAccount: { account: { id: string } } }>(
    'mutation { createMoneyAccount(input: { name: "Bank", kind: CHECKING, openingBalance: "10.00" }) { account { id } } }',
    {},
    bearer(owner.accessToken),
  );
  const id = created.data?.createMoneyAccount.account.id;
  return { id, accountId: id };
}

/** A transfer of `owner` from a new account to the default one. */
async function ownedTransfer(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  const { id: fromAccountId } = await ownedMoneyAccount(api, owner);
  const listed = await api.graphql<{ accounts: { nodes: { id: string; isDefault: boolean }[] } }>(
    '{ accounts { nodes { id isDefault } } }',
    {},
    bearer(owner.accessToken),
  );
  const toAccountId = listed.data?.accounts.nodes.find((a) => a.isDefault)?.id;
  const created = await api.graphql<{ createTransfer: { transfer: { id: string } } }>(
    'mutation($input: CreateTransferInput!) { createTransfer(input: $input) { transfer { id } } }',
    { input: { fromAccountId, toAccountId, amount: '1.00' } },
    bearer(owner.accessToken),
  );
  return { id: created.data?.createTransfer.transfer.id };
}
Object.assign(OWNED, {
  account: ownedMoneyAccount,
  accountTransactions: ownedMoneyAccount,
  reconcileAccount: ownedMoneyAccount,
  deleteTransfer: ownedTransfer,
});

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

/** A saved CSV mapping of `owner`. */
async function ownedCsvMapping(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  const saved = await api.graphql<{ saveCsvMapping: { csvMapping: { id: string } } }>(
    'mutation { saveCsvMapping(input: { name: "Bank", header: ["date", "amount"], columns: { date: "date", amount: "amount" } }) { csvMapping { id } } }',
    {},
    bearer(owner.accessToken),
  );
  return { id: saved.data?.saveCsvMapping.csvMapping.id };
}
Object.assign(OWNED, { deleteCsvMapping: ownedCsvMapping });

/** A receipt of `owner` whose processing failed (stored directly: no upload or OCR needed). */
async function ownedReceipt(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  const id = randomUUID();
  const now = api.container.clock.now();
  await api.container.database.db.insert(receipts).values({
    id,
    userId: owner.userId,
    status: 'FAILED',
    storageKey: null,
    contentType: 'image/jpeg',
    sizeBytes: 1,
    failureCode: 'IMAGE_MISSING',
    failureMessage: 'The stored image is missing.',
    createdAt: now,
    updatedAt: now,
  });
  return { id };
}
Object.assign(OWNED, {
  receipt: ownedReceipt,
  reprocessReceipt: ownedReceipt,
  discardReceipt: ownedReceipt,
});

/** A webhook endpoint of `owner` with one delivery, stored directly (its URL never needs to answer). */
async function ownedWebhook(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  const endpointId = randomUUID();
  const deliveryId = randomUUID();
  await api.container.database.db.execute(
    `insert into webhook_endpoints (id, user_id, url, event_types, secret, enabled, created_at, updated_at) values ('${endpointId}', '${owner.userId}', 'https://192.0.2.1/hook', '["transaction.created"]', 'whsec_x', true, now(), now())` as never,
  );
  await api.container.database.db.execute(
    `insert into webhook_deliveries (id, user_id, endpoint_id, event_id, event_type, body, status, attempt_count, round, created_at) values ('${deliveryId}', '${owner.userId}', '${endpointId}', '${randomUUID()}', 'webhook.test', '{}', 'failed', 1, 1, now())` as never,
  );
  return { id: endpointId, endpointId, deliveryId };
}
Object.assign(OWNED, {
  webhookDeliveries: ownedWebhook,
  updateWebhookEndpoint: ownedWebhook,
  deleteWebhookEndpoint: ownedWebhook,
  rotateWebhookSecret: ownedWebhook,
  sendTestWebhook: ownedWebhook,
  replayWebhookDelivery: async (api: TestApi, owner: TestUser) => {
    const { deliveryId } = await ownedWebhook(api, owner);
    return { id: deliveryId };
  },
});

/** A household of `owner` with one member and one pending invitation (the links come by mail). */
async function ownedHousehold(api: TestApi, owner: TestUser): Promise<Record<string, unknown>> {
  const invite = async (email: string) => {
    const sent = await api.graphql<{ inviteToHousehold: { invite: { id: string } } }>(
      'mutation($input: InviteToHouseholdInput!) { inviteToHousehold(input: $input) { invite { id } } }',
      { input: { email, role: 'MEMBER' } },
      bearer(owner.accessToken),
    );
    const mail = await api.mail.next(email.toLowerCase());
    api.mail.messages.splice(api.mail.messages.indexOf(mail), 1);
    return {
      id: sent.data?.inviteToHousehold.invite.id,
      token: /token=([\w-]+)/.exec(mail.text)?.[1],
    };
  };
  const member = await signUp(api);
  const { token } = await invite(member.email);
  await api.graphql(
    'mutation($input: AcceptHouseholdInviteInput!) { acceptHouseholdInvite(input: $input) { household { id } } }',
    { input: { token } },
    bearer(member.accessToken),
  );
  const pending = await invite(`pending-${randomUUID()}@example.com`);
  return { id: pending.id, userId: member.userId };
}
Object.assign(OWNED, {
  revokeHouseholdInvite: ownedHousehold,
  removeHouseholdMember: ownedHousehold,
});

/** Id arguments that name no stored resource of a person, with the reason. */
const NOT_RESOURCES: Record<string, string> = {
  finishPasskeyRegistration:
    'a one-time challenge: a foreign or unknown one fails verification alike',
  joinChallenge: 'a catalogue id: the same challenges for everyone; attempts are found by viewer',
  leaveChallenge: 'a catalogue id: the same challenges for everyone; attempts are found by viewer',
};

// A `…Payload` mutation that replaced a deprecated one (issue #15) takes the same ids: same case.
for (const op of rootOperations()) {
  const successor = /^Use (\w+)\./.exec(op.field.deprecationReason ?? '')?.[1];
  if (op.kind !== 'mutation' || !successor) continue;
  const owned = OWNED[op.name];
  if (owned) OWNED[successor] ??= owned;
  const reason = NOT_RESOURCES[op.name];
  if (reason) NOT_RESOURCES[successor] ??= reason;
}

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

/** How to make one of `owner`'s records of each `Node` type, returning its id. */
const NODE_RECORDS: Record<string, (api: TestApi, owner: TestUser) => Promise<unknown>> = {
  Transaction: async (api, owner) => (await ownedTransaction(api, owner)).id,
  Goal: async (api, owner) => (await ownedGoal(api, owner)).id,
  Habit: async (api, owner) => (await ownedHabit(api, owner)).id,
  Notification: async (api, owner) => (await ownedNotification(api, owner)).id,
  RecurringTransaction: async (api, owner) => (await ownedRecurring(api, owner)).id,
  MoneyAccount: async (api, owner) => (await ownedMoneyAccount(api, owner)).id,
  Transfer: async (api, owner) => (await ownedTransfer(api, owner)).id,
  Split: async (api, owner) => (await ownedSplit(api, owner)).id,
  Rule: async (api, owner) => (await ownedRule(api, owner)).id,
  BudgetAdjustment: async (api, owner) => (await ownedAdjustment(api, owner)).id,
  PersonalAccessToken: async (api, owner) =>
    (await OWNED.revokePersonalAccessToken?.(api, owner))?.id,
  SignedInSession: async (api, owner) => (await OWNED.revokeSession?.(api, owner))?.id,
  Passkey: async (api, owner) => (await OWNED.removePasskey?.(api, owner))?.id,
  Receipt: async (api, owner) => (await ownedReceipt(api, owner)).id,
  BudgetCategory: async (api, owner) => {
    const listed = await api.graphql<{ budgetCategories: { id: string }[] }>(
      '{ budgetCategories { id } }',
      {},
      bearer(owner.accessToken),
    );
    return listed.data?.budgetCategories[0]?.id;
  },
  MoodEntry: async (api, owner) => {
    const logged = await api.graphql<{ logMood: { id: string } }>(
      'mutation { logMood(input: { score: 4 }) { id } }',
      {},
      bearer(owner.accessToken),
    );
    return logged.data?.logMood.id;
  },
  ChallengeParticipation: async (api, owner) => {
    await ownedTransaction(api, owner);
    const listed = await api.graphql<{ challenges: { id: string; isAvailable: boolean }[] }>(
      '{ challenges { id isAvailable } }',
      {},
      bearer(owner.accessToken),
    );
    const open = listed.data?.challenges.find((c) => c.isAvailable);
    await api.graphql(
      'mutation($id: ID!) { joinChallenge(challengeId: $id) { id } }',
      { id: open?.id },
      bearer(owner.accessToken),
    );
    // A joined challenge may start later (`current` is then null): the attempt is listed anyway.
    const mine = await api.graphql<{ myChallengesConnection: { nodes: { id: string }[] } }>(
      '{ myChallengesConnection(first: 1) { nodes { id } } }',
      {},
      bearer(owner.accessToken),
    );
    return mine.data?.myChallengesConnection.nodes[0]?.id;
  },
};

/** The scope each node type's own query needs (what `node` must enforce too). */
const NODE_SCOPES: Record<string, string> = {
  Transaction: 'read:transactions',
  Goal: 'read:goals',
  Habit: 'read:goals',
  Notification: 'read:profile',
  RecurringTransaction: 'read:transactions',
  MoneyAccount: 'read:transactions',
  Transfer: 'read:transactions',
  Split: 'read:transactions',
  Rule: 'read:transactions',
  BudgetAdjustment: 'read:budget',
  PersonalAccessToken: 'read:profile',
  SignedInSession: 'read:profile',
  Passkey: 'read:profile',
  Receipt: 'process:receipts',
  BudgetCategory: 'read:budget',
  MoodEntry: 'read:goals',
  ChallengeParticipation: 'read:goals',
};

const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';
const nodeTypes = Object.values(committedSchema().getTypeMap())
  .filter((type) => 'getInterfaces' in type && type.getInterfaces().some((i) => i.name === 'Node'))
  .map((type) => type.name);

describe(`node(id) and nodes(ids) resolve only the owner's records (${TEST_MODE})`, () => {
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

  it.each(nodeTypes.map((name) => [name] as const))('%s', async (typeName) => {
    const factory = NODE_RECORDS[typeName];
    expect(factory, `add ${typeName} to NODE_RECORDS in ownership.int.test.ts`).toBeDefined();
    const id = await factory?.(api, owner);
    expect(typeof id).toBe('string');

    const mine = await api.graphql<{ node: { __typename: string; id: string } }>(
      NODE,
      { id },
      bearer(owner.accessToken),
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.node).toEqual({ __typename: typeName, id });
    expect(errorCodes(await api.graphql(NODE, { id }, bearer(intruder.accessToken)))).toEqual([
      'NOT_FOUND',
    ]);

    const unknown = '00000000-0000-4000-8000-000000000000';
    const both = await api.graphql<{ nodes: unknown[] }>(
      NODES,
      { ids: [id, unknown] },
      bearer(owner.accessToken),
    );
    expect(both.data?.nodes).toEqual([{ __typename: typeName, id }, null]);
    const foreign = await api.graphql<{ nodes: unknown[] }>(
      NODES,
      { ids: [id] },
      bearer(intruder.accessToken),
    );
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.nodes).toEqual([null]);

    // The owner's token without the scope the type's own query needs is refused, as that query is.
    const scope = NODE_SCOPES[typeName];
    expect(scope, `add ${typeName} to NODE_SCOPES`).toBeDefined();
    const without = await accessTokenWithScopes(
      api,
      owner.userId,
      ALL_SCOPES.filter((s) => s !== scope),
    );
    expect(errorCodes(await api.graphql(NODE, { id }, bearer(without)))).toEqual(['FORBIDDEN']);
    const only = await accessTokenWithScopes(api, owner.userId, [scope ?? '']);
    expect(errorCodes(await api.graphql(NODE, { id }, bearer(only)))).toEqual([]);
  });

  it('refuses anonymous callers and answers NOT_FOUND for ids that name nothing', async () => {
    expect(errorCodes(await api.graphql(NODE, { id: 'x' }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await api.graphql(NODES, { ids: [] }))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await api.graphql(NODE, { id: 'not-an-id' }, bearer(owner.accessToken))),
    ).toEqual(['NOT_FOUND']);
    const many = Array.from({ length: 101 }, () => 'x');
    expect(errorCodes(await api.graphql(NODES, { ids: many }, bearer(owner.accessToken)))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe(`node(id) finds a household's shared splits and rules for its members only (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('a member and a viewer of the owning household resolve them; anyone else gets NOT_FOUND', async () => {
    const owner = await signUp(api);
    const stranger = await signUp(api);
    const strangerInHousehold = await signUp(api);
    const [member, viewer] = [await signUp(api), await signUp(api)];
    const split = (await ownedSplit(api, owner)).id;
    const rule = (await ownedRule(api, owner)).id;
    const join = async (host: TestUser, person: TestUser, role: string) => {
      await api.graphql(
        'mutation($input: InviteToHouseholdInput!) { inviteToHousehold(input: $input) { invite { id } } }',
        { input: { email: person.email, role } },
        bearer(host.accessToken),
      );
      const mail = await api.mail.next(person.email.toLowerCase());
      api.mail.messages.splice(api.mail.messages.indexOf(mail), 1);
      const joined = await api.graphql(
        'mutation($input: AcceptHouseholdInviteInput!) { acceptHouseholdInvite(input: $input) { household { id } } }',
        { input: { token: /token=([\w-]+)/.exec(mail.text)?.[1] } },
        bearer(person.accessToken),
      );
      expect(joined.errors).toBeUndefined();
    };
    await join(owner, member, 'MEMBER');
    await join(owner, viewer, 'VIEWER');
    // A member of another household (the stranger's) is no closer to the owner's records.
    await ownedTransaction(api, stranger);
    await join(stranger, strangerInHousehold, 'MEMBER');

    for (const [typeName, id] of [
      ['Split', split],
      ['Rule', rule],
    ] as const) {
      for (const person of [owner, member, viewer]) {
        const found = await api.graphql<{ node: unknown }>(
          NODE,
          { id },
          bearer(person.accessToken),
        );
        expect(found.errors, typeName).toBeUndefined();
        expect(found.data?.node).toEqual({ __typename: typeName, id });
        const listed = await api.graphql<{ nodes: unknown[] }>(
          NODES,
          { ids: [id] },
          bearer(person.accessToken),
        );
        expect(listed.data?.nodes).toEqual([{ __typename: typeName, id }]);
      }
      for (const person of [stranger, strangerInHousehold]) {
        expect(errorCodes(await api.graphql(NODE, { id }, bearer(person.accessToken)))).toEqual([
          'NOT_FOUND',
        ]);
        const listed = await api.graphql<{ nodes: unknown[] }>(
          NODES,
          { ids: [id] },
          bearer(person.accessToken),
        );
        expect(listed.data?.nodes).toEqual([null]);
      }
    }

    // Leaving ends it: the former member's next lookup is NOT_FOUND.
    await api.graphql('mutation { leaveHousehold { left } }', {}, bearer(member.accessToken));
    expect(errorCodes(await api.graphql(NODE, { id: split }, bearer(member.accessToken)))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await api.graphql(NODE, { id: rule }, bearer(member.accessToken)))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
