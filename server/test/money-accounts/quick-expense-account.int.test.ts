import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const clock = { now: () => new Date('2026-03-10T15:00:00Z') };

const ACCOUNTS = `{ accounts(first: 50) { nodes { id name isDefault balance { amount } } } }`;
const CREATE_ACCOUNT = `mutation C($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { account { id } } }`;
const QUICK = `mutation Q($input: QuickExpenseInput!) { quickExpense(input: $input) { transaction { id accountId amount { amount } } } }`;
const LEDGER = `{ transactions(first: 50) { edges { node { id } } } }`;

interface Account {
  id: string;
  name: string;
  isDefault: boolean;
  balance: { amount: string };
}
type Client = ReturnType<typeof budgetClient>;

async function balancesOf(client: Client): Promise<Record<string, string>> {
  const listed = await client.call<{ accounts: { nodes: Account[] } }>(ACCOUNTS);
  return Object.fromEntries(listed.accounts.nodes.map((a) => [a.name, a.balance.amount]));
}

async function createAccount(client: Client, name: string): Promise<string> {
  return (
    await client.call<{ createMoneyAccount: { account: { id: string } } }>(CREATE_ACCOUNT, {
      input: { name, kind: 'CHECKING', openingBalance: '100.00' },
    })
  ).createMoneyAccount.account.id;
}

describe(`quick expense on a money account (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('books the expense on the chosen account; a replay books nothing twice', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const bank = await createAccount(client, 'Bank');
    const id = randomUUID();
    const input = { id, amount: '12.34', note: 'coffee', accountId: bank };
    const first = await client.call<{ quickExpense: { transaction: { accountId: string } } }>(
      QUICK,
      { input },
    );
    expect(first.quickExpense.transaction.accountId).toBe(bank);
    await client.call(QUICK, { input });
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Bank: '87.66' });

    // Without an account it stays on the default one.
    await client.call(QUICK, { input: { amount: '1.00' } });
    expect(await balancesOf(client)).toEqual({ Main: '-1.00', Bank: '87.66' });
  });

  it('refuses another person’s or an unknown account and writes nothing', async () => {
    const owner = budgetClient(api, await signUp(api));
    await owner.call(ONBOARD, { input: US_ONBOARDING });
    const theirs = await createAccount(owner, 'Theirs');
    const intruder = budgetClient(api, await signUp(api));
    await intruder.call(ONBOARD, { input: US_ONBOARDING });
    for (const accountId of [theirs, randomUUID(), 'not-an-id']) {
      const answer = await intruder.raw(QUICK, { input: { amount: '5.00', accountId } });
      expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
    }
    const ledger = await intruder.call<{ transactions: { edges: unknown[] } }>(LEDGER);
    expect(ledger.transactions.edges).toEqual([]);
    expect(await balancesOf(owner)).toEqual({ Main: '0.00', Theirs: '100.00' });
  });
});
