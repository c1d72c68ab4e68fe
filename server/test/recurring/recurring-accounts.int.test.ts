import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { createMoneyAccount } from '../money-accounts/accounts-client';
import { joinHousehold } from '../households/household-client';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * A recurring expense books into the money account it names (docs/accounts.md, recurring.md §2):
 * every occurrence moves that account, an edit from a date on may change it, an archived account is
 * refused on save and posting falls back to the default account; a member's schedule stamps them.
 */

let nowIso = '2026-03-10T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const SCHEDULE = `mutation($input: CreateRecurringTransactionInput!) { scheduleRecurringTransaction(input: $input) {
  recurringTransaction { id accountId memberId postedThrough } } }`;
const UPDATE = `mutation($input: UpdateRecurringTransactionInput!) { updateRecurringTransaction(input: $input) {
  recurringTransaction { id accountId memberId startOn } previous { id endOn accountId } } }`;
const RECURRING = `query { recurringTransactions { id accountId } }`;
const ACCOUNTS = `query { accounts(first: 50) { nodes { id name isDefault version balance { amount } } } }`;
const UPDATE_ACCOUNT = `mutation($input: UpdateMoneyAccountInput!) { updateMoneyAccount(input: $input) { account { id isArchived } } }`;
const LEDGER = `query { transactionsConnection(first: 50) { nodes { id bookedOn accountId memberId source amount { amount } } } }`;
const CHANGES = `query($since: String) { changes(since: $since) { changes { kind transaction { id accountId memberId source } } } }`;

interface Account {
  id: string;
  name: string;
  isDefault: boolean;
  version: number;
  balance: { amount: string };
}
interface LedgerRow {
  id: string;
  bookedOn: string;
  accountId: string | null;
  memberId: string | null;
  source: string;
  amount: { amount: string };
}
type Client = ReturnType<typeof budgetClient>;

describe(`recurring expenses on a money account (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** A client with a token minted now (tokens live 15 minutes of the test clock). */
  const as = async (user: TestUser): Promise<Client> =>
    budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });

  async function onboarded(): Promise<{ user: TestUser; client: Client }> {
    nowIso = '2026-03-10T15:00:00Z';
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return { user, client };
  }

  async function accountsOf(client: Client): Promise<Account[]> {
    return (await client.call<{ accounts: { nodes: Account[] } }>(ACCOUNTS)).accounts.nodes;
  }
  async function balancesOf(client: Client): Promise<Record<string, string>> {
    return Object.fromEntries((await accountsOf(client)).map((a) => [a.name, a.balance.amount]));
  }
  const createAccount = (client: Client, name: string) =>
    createMoneyAccount(client, { name, kind: 'CHECKING', openingBalance: '100.00' });
  async function archive(client: Client, id: string): Promise<void> {
    const account = (await accountsOf(client)).find((a) => a.id === id);
    await client.call(UPDATE_ACCOUNT, {
      input: { id, baseVersion: account?.version, isArchived: true },
    });
  }
  async function ledgerOf(client: Client): Promise<LedgerRow[]> {
    const answer = await client.call<{ transactionsConnection: { nodes: LedgerRow[] } }>(LEDGER);
    return answer.transactionsConnection.nodes
      .filter((row) => row.source === 'RECURRING')
      .sort((a, b) => a.bookedOn.localeCompare(b.bookedOn));
  }
  const weekly = (extra: Record<string, unknown>) => ({
    amount: '10.00',
    categoryId: 'groceries',
    frequency: 'WEEKLY',
    dayNumber: 2,
    startOn: '2026-03-10',
    ...extra,
  });

  it('posts every occurrence into the chosen account; its balance changes, not Main’s', async () => {
    const { user, client } = await onboarded();
    const bank = await createAccount(client, 'Bank');
    const made = await client.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string; accountId: string } };
    }>(SCHEDULE, { input: weekly({ accountId: bank }) });
    expect(made.scheduleRecurringTransaction.recurringTransaction.accountId).toBe(bank);
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Bank: '90.00' });

    // A week later the job posts the next one into the same account.
    nowIso = '2026-03-17T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const fresh = await as(user);
    expect((await ledgerOf(fresh)).map((r) => [r.bookedOn, r.accountId])).toEqual([
      ['2026-03-10', bank],
      ['2026-03-17', bank],
    ]);
    expect(await balancesOf(fresh)).toEqual({ Main: '0.00', Bank: '80.00' });

    // The account travels to devices with each posted occurrence.
    const pulled = await fresh.call<{
      changes: { changes: Array<{ kind: string; transaction: { accountId: string } | null }> };
    }>(CHANGES, { since: null });
    const posted = pulled.changes.changes.filter((c) => c.kind === 'TRANSACTION');
    expect(posted.map((c) => c.transaction?.accountId)).toEqual([bank, bank]);
  });

  it('refuses an unknown or another person’s account and an archived one; nothing is written', async () => {
    const { client } = await onboarded();
    const other = await onboarded();
    const theirs = await createAccount(other.client, 'Theirs');
    const old = await createAccount(client, 'Old');
    await archive(client, old);
    for (const accountId of [theirs, randomUUID(), 'not-an-id']) {
      expect(errorCodes(await client.raw(SCHEDULE, { input: weekly({ accountId }) }))).toEqual([
        'NOT_FOUND',
      ]);
    }
    const archived = await client.raw(SCHEDULE, { input: weekly({ accountId: old }) });
    expect(errorCodes(archived)).toEqual(['BAD_USER_INPUT']);
    expect(archived.errors?.[0]?.extensions?.reason).toBe('RECURRING_ACCOUNT_ARCHIVED');
    const listed = await client.call<{ recurringTransactions: unknown[] }>(RECURRING);
    expect(listed.recurringTransactions).toEqual([]);
    expect(await ledgerOf(client)).toEqual([]);
    expect(await balancesOf(other.client)).toEqual({ Main: '0.00', Theirs: '100.00' });

    // The same on an edit: the rule keeps its account, nothing is split.
    const made = await client.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string } };
    }>(SCHEDULE, { input: weekly({}) });
    const { id } = made.scheduleRecurringTransaction.recurringTransaction;
    for (const accountId of [theirs, old]) {
      const answer = await client.raw(UPDATE, { input: { id, from: '2026-03-12', accountId } });
      expect(errorCodes(answer)).toEqual([accountId === old ? 'BAD_USER_INPUT' : 'NOT_FOUND']);
    }
    expect(
      (await client.call<{ recurringTransactions: unknown[] }>(RECURRING)).recurringTransactions,
    ).toEqual([{ id, accountId: null }]);
  });

  it('changes the account from a date on: earlier occurrences keep theirs', async () => {
    const { user, client } = await onboarded();
    const bank = await createAccount(client, 'Bank');
    const card = await createAccount(client, 'Card');
    const made = await client.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string } };
    }>(SCHEDULE, { input: weekly({ accountId: bank }) });
    const { id } = made.scheduleRecurringTransaction.recurringTransaction;
    const changed = await client.call<{
      updateRecurringTransaction: {
        recurringTransaction: { accountId: string; startOn: string };
        previous: { accountId: string; endOn: string };
      };
    }>(UPDATE, { input: { id, from: '2026-03-15', accountId: card } });
    expect(changed.updateRecurringTransaction.recurringTransaction).toMatchObject({
      accountId: card,
      startOn: '2026-03-15',
    });
    expect(changed.updateRecurringTransaction.previous).toMatchObject({
      accountId: bank,
      endOn: '2026-03-14',
    });

    nowIso = '2026-03-24T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const fresh = await as(user);
    expect((await ledgerOf(fresh)).map((r) => [r.bookedOn, r.accountId])).toEqual([
      ['2026-03-10', bank],
      ['2026-03-17', card],
      ['2026-03-24', card],
    ]);
    expect(await balancesOf(fresh)).toEqual({ Main: '0.00', Bank: '90.00', Card: '80.00' });
  });

  it('posts into the default account while the rule’s account is archived', async () => {
    const { user, client } = await onboarded();
    const bank = await createAccount(client, 'Bank');
    await client.call(SCHEDULE, { input: weekly({ accountId: bank }) });
    await archive(client, bank);

    nowIso = '2026-03-17T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const fresh = await as(user);
    expect((await ledgerOf(fresh)).map((r) => [r.bookedOn, r.accountId])).toEqual([
      ['2026-03-10', bank],
      ['2026-03-17', null],
    ]);
    expect(await balancesOf(fresh)).toEqual({ Main: '-10.00', Bank: '90.00' });
  });

  it('stamps a member’s recurring occurrences with the member, in the owner’s account', async () => {
    const { user: owner, client: ownerClient } = await onboarded();
    const joint = await createAccount(ownerClient, 'Joint');
    const member = await signUp(api);
    await joinHousehold(api, owner, member, 'MEMBER');
    const memberClient = budgetClient(api, member);

    const made = await memberClient.call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string; memberId: string } };
    }>(SCHEDULE, { input: weekly({ accountId: joint }) });
    const rule = made.scheduleRecurringTransaction.recurringTransaction;
    expect(rule.memberId).toBe(member.userId);

    // The owner changes the amount later: the schedule stays the member's.
    const changed = await ownerClient.call<{
      updateRecurringTransaction: { recurringTransaction: { memberId: string | null } };
    }>(UPDATE, { input: { id: rule.id, from: '2026-03-15', amount: '12.00' } });
    expect(changed.updateRecurringTransaction.recurringTransaction.memberId).toBe(member.userId);

    nowIso = '2026-03-17T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const fresh = await as(owner);
    expect(
      (await ledgerOf(fresh)).map((r) => [r.bookedOn, r.memberId, r.accountId, r.amount.amount]),
    ).toEqual([
      ['2026-03-10', member.userId, joint, '10.00'],
      ['2026-03-17', member.userId, joint, '12.00'],
    ]);
    // The owner's own schedule stays unstamped.
    const own = await fresh.call<{
      scheduleRecurringTransaction: { recurringTransaction: { memberId: string | null } };
    }>(SCHEDULE, { input: weekly({ startOn: '2026-03-17' }) });
    expect(own.scheduleRecurringTransaction.recurringTransaction.memberId).toBeNull();
  });
});
