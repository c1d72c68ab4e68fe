import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, CREATE, MONTH, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

let now = Date.parse('2026-03-10T15:00:00Z');
const clock = { now: () => new Date(now) };

const ACCOUNT_FIELDS = `id name kind currency openingBalance { amount } openingOn isDefault isArchived balance { amount currency } reconciledThrough version`;
const ACCOUNTS = `{ accounts(first: 50) { nodes { ${ACCOUNT_FIELDS} } } }`;
const CREATE_ACCOUNT = `mutation C($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { conflict account { ${ACCOUNT_FIELDS} } } }`;
const UPDATE_ACCOUNT = `mutation U($input: UpdateMoneyAccountInput!) { updateMoneyAccount(input: $input) { conflict account { ${ACCOUNT_FIELDS} } } }`;
const TRANSFER_FIELDS = `id fromAccountId toAccountId amount { amount } transferredOn note version deletedAt`;
const CREATE_TRANSFER = `mutation T($input: CreateTransferInput!) { createTransfer(input: $input) { conflict transfer { ${TRANSFER_FIELDS} } } }`;
const UPDATE_TRANSFER = `mutation T($input: UpdateTransferInput!) { updateTransfer(input: $input) { conflict transfer { ${TRANSFER_FIELDS} } } }`;
const DELETE_TRANSFER = `mutation D($id: ID!) { deleteTransfer(id: $id) { conflict transfer { ${TRANSFER_FIELDS} } } }`;
const REGISTER = `query R($id: ID!) { accountTransactions(accountId: $id, first: 50) { nodes { id kind on change { amount } balanceAfter { amount } isReconciled transaction { id accountId } transfer { id } } } }`;
const RECONCILE = `mutation R($id: ID!, $balance: Decimal!, $on: Date!) { reconcileAccount(accountId: $id, statementBalance: $balance, on: $on) { reconciliation { statementBalance { amount } computedBalance { amount } difference { amount } isReconciled statementOn } account { id reconciledThrough balance { amount } } } }`;
const NET_WORTH = `query N($from: Date!, $to: Date!) { netWorth(from: $from, to: $to) { on assets { amount } liabilities { amount } netWorth { amount } } }`;
const CHANGES = `query Changes($since: String) { changes(since: $since) { cursor changes { kind id deleted moneyAccount { id name balance { amount } } transfer { id amount { amount } } } } }`;

interface Account {
  id: string;
  name: string;
  kind: string;
  isDefault: boolean;
  balance: { amount: string; currency: string };
  version: number;
  reconciledThrough: string | null;
}
interface Transfer {
  id: string;
  fromAccountId: string;
  toAccountId: string;
  amount: { amount: string };
  version: number;
  deletedAt: string | null;
}
type Client = ReturnType<typeof budgetClient>;

async function accountsOf(client: Client): Promise<Account[]> {
  return (await client.call<{ accounts: { nodes: Account[] } }>(ACCOUNTS)).accounts.nodes;
}

async function balancesOf(client: Client): Promise<Record<string, string>> {
  return Object.fromEntries((await accountsOf(client)).map((a) => [a.name, a.balance.amount]));
}

async function createAccount(client: Client, input: Record<string, unknown>): Promise<Account> {
  return (
    await client.call<{ createMoneyAccount: { account: Account } }>(CREATE_ACCOUNT, { input })
  ).createMoneyAccount.account;
}

async function monthOf(client: Client, month: string): Promise<unknown> {
  return (await client.call<{ budgetMonth: unknown }>(MONTH, { month })).budgetMonth;
}

describe(`money accounts (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('a transfer changes both balances and no day of the budget', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    await client.call(CREATE, { input: { amount: '12.34', categoryId: 'groceries' } });
    const checking = await createAccount(client, {
      name: 'Checking',
      kind: 'CHECKING',
      openingBalance: '1000.00',
      openingOn: '2026-03-01',
    });
    const cash = await createAccount(client, {
      name: 'Wallet',
      kind: 'CASH',
      openingBalance: '50.00',
      openingOn: '2026-03-01',
    });
    expect(checking.balance).toEqual({ amount: '1000.00', currency: 'USD' });
    expect(cash.balance.amount).toBe('50.00');
    const before = await monthOf(client, '2026-03');

    const id = randomUUID();
    const input = {
      id,
      fromAccountId: checking.id,
      toAccountId: cash.id,
      amount: '200.00',
      transferredOn: '2026-03-10',
    };
    const created = (
      await client.call<{ createTransfer: { conflict: boolean; transfer: Transfer } }>(
        CREATE_TRANSFER,
        { input },
      )
    ).createTransfer;
    expect(created.transfer).toMatchObject({ id, amount: { amount: '200.00' }, version: 1 });

    // The default account holds the expense booked without an account.
    expect(await balancesOf(client)).toEqual({
      Main: '-12.34',
      Checking: '800.00',
      Wallet: '250.00',
    });
    // Every day of the month reads exactly as before: a transfer is neither spending nor income.
    expect(await monthOf(client, '2026-03')).toEqual(before);

    // A replay of the same client id creates nothing twice.
    await client.call(CREATE_TRANSFER, { input });
    expect(await balancesOf(client)).toMatchObject({ Checking: '800.00', Wallet: '250.00' });

    // An edit moves both balances again; a stale version is a conflict that changes nothing.
    const updated = (
      await client.call<{ updateTransfer: { conflict: boolean; transfer: Transfer } }>(
        UPDATE_TRANSFER,
        { input: { id, baseVersion: 1, amount: '150.00' } },
      )
    ).updateTransfer;
    expect(updated).toMatchObject({ conflict: false, transfer: { version: 2 } });
    const stale = (
      await client.call<{ updateTransfer: { conflict: boolean; transfer: Transfer } }>(
        UPDATE_TRANSFER,
        { input: { id, baseVersion: 1, amount: '1.00' } },
      )
    ).updateTransfer;
    expect(stale).toMatchObject({ conflict: true, transfer: { amount: { amount: '150.00' } } });
    expect(await balancesOf(client)).toMatchObject({ Checking: '850.00', Wallet: '200.00' });

    // Deleting gives both balances back, still without touching a budget day.
    await client.call(DELETE_TRANSFER, { id });
    expect(await balancesOf(client)).toMatchObject({ Checking: '1000.00', Wallet: '50.00' });
    expect(await monthOf(client, '2026-03')).toEqual(before);
  });

  it('transactions name their account; running balances, reconciliation and net worth follow', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const card = await createAccount(client, {
      name: 'Visa',
      kind: 'CREDIT_CARD',
      openingBalance: '-300.00',
      openingOn: '2026-02-01',
    });
    const bank = await createAccount(client, {
      name: 'Bank',
      kind: 'CHECKING',
      openingBalance: '2000.00',
      openingOn: '2026-02-01',
    });
    const spent = await client.call<{ createTransaction: { transaction: { id: string } } }>(
      `mutation C($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id accountId } } }`,
      {
        input: {
          amount: '45.10',
          categoryId: 'groceries',
          bookedOn: '2026-03-02',
          accountId: card.id,
        },
      },
    );
    await client.call(
      `mutation C($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
      {
        input: {
          amount: '500.00',
          direction: 'INCOME',
          categoryId: 'flex',
          bookedOn: '2026-03-03',
          accountId: bank.id,
        },
      },
    );
    await client.call(CREATE_TRANSFER, {
      input: {
        fromAccountId: bank.id,
        toAccountId: card.id,
        amount: '100.00',
        transferredOn: '2026-03-05',
      },
    });
    expect(await balancesOf(client)).toEqual({
      Main: '0.00',
      Visa: '-245.10',
      Bank: '2400.00',
    });

    const register = (
      await client.call<{
        accountTransactions: {
          nodes: Array<{
            kind: string;
            on: string;
            change: { amount: string };
            balanceAfter: { amount: string };
          }>;
        };
      }>(REGISTER, { id: card.id })
    ).accountTransactions.nodes;
    expect(register.map((e) => [e.kind, e.on, e.change.amount, e.balanceAfter.amount])).toEqual([
      ['TRANSFER', '2026-03-05', '100.00', '-245.10'],
      ['TRANSACTION', '2026-03-02', '-45.10', '-345.10'],
    ]);

    // A statement that does not match: the difference is answered and nothing is marked.
    const off = await client.call<{
      reconcileAccount: {
        reconciliation: { difference: { amount: string }; isReconciled: boolean };
        account: { reconciledThrough: string | null };
      };
    }>(RECONCILE, { id: card.id, balance: '-350.10', on: '2026-03-04' });
    expect(off.reconcileAccount.reconciliation).toMatchObject({
      difference: { amount: '-5.00' },
      isReconciled: false,
    });
    expect(off.reconcileAccount.account.reconciledThrough).toBeNull();
    const matched = await client.call<{
      reconcileAccount: {
        reconciliation: { difference: { amount: string }; isReconciled: boolean };
        account: { reconciledThrough: string | null };
      };
    }>(RECONCILE, { id: card.id, balance: '-345.10', on: '2026-03-04' });
    expect(matched.reconcileAccount.reconciliation).toMatchObject({
      difference: { amount: '0.00' },
      isReconciled: true,
    });
    expect(matched.reconcileAccount.account.reconciledThrough).toBe('2026-03-04');
    const marked = (
      await client.call<{
        accountTransactions: { nodes: Array<{ on: string; isReconciled: boolean }> };
      }>(REGISTER, { id: card.id })
    ).accountTransactions.nodes;
    expect(marked.map((e) => [e.on, e.isReconciled])).toEqual([
      ['2026-03-05', false],
      ['2026-03-02', true],
    ]);

    const series = (
      await client.call<{
        netWorth: Array<{
          on: string;
          assets: { amount: string };
          liabilities: { amount: string };
          netWorth: { amount: string };
        }>;
      }>(NET_WORTH, { from: '2026-01-15', to: '2026-03-10' })
    ).netWorth;
    expect(
      series.map((p) => [p.on, p.assets.amount, p.liabilities.amount, p.netWorth.amount]),
    ).toEqual([
      ['2026-01-31', '0.00', '0.00', '0.00'],
      ['2026-02-28', '2000.00', '-300.00', '1700.00'],
      ['2026-03-10', '2400.00', '-245.10', '2154.90'],
    ]);

    // Moving the expense to the default account changes both balances.
    const moved = await client.call<{ updateTransaction: { transaction: { accountId: string } } }>(
      `mutation U($input: UpdateTransactionInput!) { updateTransaction(input: $input) { transaction { accountId } } }`,
      {
        input: {
          id: spent.createTransaction.transaction.id,
          baseVersion: 1,
          accountId: (await accountsOf(client)).find((a) => a.isDefault)?.id,
        },
      },
    );
    expect(moved.updateTransaction.transaction.accountId).toBeTruthy();
    expect(await balancesOf(client)).toEqual({ Main: '-45.10', Visa: '-200.00', Bank: '2400.00' });
  });

  it('refuses another person’s or an unknown account, bad transfers and bad ranges with typed errors', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const owner = budgetClient(api, await signUp(api));
    await owner.call(ONBOARD, { input: US_ONBOARDING });
    const mine = await createAccount(owner, { name: 'Mine', kind: 'SAVINGS' });
    const intruderUser = await signUp(api);
    const intruder = budgetClient(api, intruderUser);
    await intruder.call(ONBOARD, { input: US_ONBOARDING });
    const theirs = await createAccount(intruder, { name: 'Theirs', kind: 'CASH' });

    const book = (accountId: string) =>
      intruder.raw(CREATE, { input: { amount: '1.00', categoryId: 'coffee', accountId } });
    expect(errorCodes(await book(mine.id))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await book(randomUUID()))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await book('not-an-id'))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await intruder.raw(CREATE_TRANSFER, {
          input: { fromAccountId: theirs.id, toAccountId: mine.id, amount: '1.00' },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await intruder.raw(CREATE_TRANSFER, {
          input: { fromAccountId: theirs.id, toAccountId: theirs.id, amount: '1.00' },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const defaultId = (await accountsOf(intruder)).find((a) => a.isDefault)?.id;
    for (const amount of ['0.00', '-1.00', '1.001'])
      expect(
        errorCodes(
          await intruder.raw(CREATE_TRANSFER, {
            input: { fromAccountId: theirs.id, toAccountId: defaultId, amount },
          }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await intruder.raw(NET_WORTH, { from: '2026-03-10', to: '2026-01-01' })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await intruder.raw(CREATE_ACCOUNT, { input: { name: ' ', kind: 'CASH' } })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await intruder.raw(UPDATE_ACCOUNT, {
          input: { id: defaultId, baseVersion: 1, isArchived: true },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await intruder.raw(REGISTER, { id: mine.id }))).toEqual(['NOT_FOUND']);
    // The owner's account is untouched.
    expect((await accountsOf(owner)).map((a) => a.name)).toEqual(['Main', 'Mine']);
    expect(errorCodes(await api.graphql(ACCOUNTS, {}, bearer(intruderUser.accessToken)))).toEqual(
      [],
    );
  });

  it('accounts and transfers reach other devices through changes(since), tombstones included', async () => {
    now = Date.parse('2026-03-10T15:00:00Z');
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const start = (await client.call<{ changes: { cursor: string } }>(CHANGES, {})).changes.cursor;
    const bank = await createAccount(client, {
      name: 'Bank',
      kind: 'CHECKING',
      openingBalance: '10.00',
    });
    const [main] = await accountsOf(client);
    const id = randomUUID();
    await client.call(CREATE_TRANSFER, {
      input: { id, fromAccountId: bank.id, toAccountId: main?.id, amount: '4.00' },
    });
    await client.call(DELETE_TRANSFER, { id });
    const pulled = (
      await client.call<{
        changes: {
          changes: Array<{
            kind: string;
            id: string;
            deleted: boolean;
            transfer: { id: string } | null;
          }>;
        };
      }>(CHANGES, { since: start })
    ).changes.changes;
    expect(
      pulled
        .filter((c) => c.kind === 'MONEY_ACCOUNT')
        .map((c) => c.id)
        .sort(),
    ).toEqual([bank.id, main?.id].sort());
    expect(pulled.filter((c) => c.kind === 'TRANSFER')).toEqual([
      expect.objectContaining({ id, deleted: true, transfer: expect.objectContaining({ id }) }),
    ]);
  });
});
