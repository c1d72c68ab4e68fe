import { expect, test, type Locator, type Page } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TodayPage } from './support/pace-app';

// Money accounts: add an account, move money between two accounts and see both balances, online
// and offline (the transfer waits in the outbox, then syncs once the device is back online).

const SERVER_BALANCES = `{ accounts(first: 50) { nodes { name balance { amount } } } }`;

async function serverBalances(api: PaceApi): Promise<Record<string, string>> {
  const data = await api.gql<{
    accounts: { nodes: { name: string; balance: { amount: string } }[] };
  }>(SERVER_BALANCES);
  return Object.fromEntries(data.accounts.nodes.map((a) => [a.name, a.balance.amount]));
}

/** The Accounts screen. */
class AccountsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/accounts/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  }

  account(name: string): Locator {
    return this.page.getByTestId('money-account').filter({ hasText: name });
  }

  balance(name: string): Locator {
    return this.account(name).getByTestId('money-account-balance');
  }

  async addAccount(name: string, kind: string, opening: string) {
    const form = this.page.getByRole('region', { name: 'Add an account' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption({ label: kind });
    await form.getByLabel('Opening balance (USD)').fill(opening);
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(form.getByRole('status')).toHaveText(`${name} added.`);
  }

  async transfer(from: string, to: string, amount: string) {
    const form = this.page.getByRole('region', { name: 'Move money' });
    await form.getByLabel('From').selectOption({ label: from });
    await form.getByLabel('To').selectOption({ label: to });
    await form.getByLabel('Amount (USD)').fill(amount);
    await form.getByRole('button', { name: 'Record transfer' }).click();
    await expect(form.getByRole('status')).toContainText('Transfer recorded');
  }
}

test('create an account, record a transfer and see both balances; a transfer made offline syncs', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'accounts');
  await signInContext(context, api);
  const accounts = new AccountsPage(page);
  await accounts.open();
  // The main account holds everything booked without an account; the server creates it.
  await expect(accounts.balance('Main')).toHaveText('$0.00');

  await accounts.addAccount('Checking', 'Checking', '1000.00');
  await expect(accounts.balance('Checking')).toHaveText('$1,000.00');
  await accounts.transfer('Checking', 'Main', '200.00');
  await expect(accounts.balance('Checking')).toHaveText('$800.00');
  await expect(accounts.balance('Main')).toHaveText('$200.00');
  await expect(page.getByTestId('transfer')).toHaveCount(1);
  await expect.poll(() => serverBalances(api)).toEqual({ Main: '200.00', Checking: '800.00' });
  await expect(page.getByText('Not synced yet')).toHaveCount(0);

  // Offline, after a cold reload: the screen reads the device's copy and takes a transfer.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(accounts.balance('Checking')).toHaveText('$800.00');
  await accounts.transfer('Main', 'Checking', '50.00');
  await expect(accounts.balance('Checking')).toHaveText('$850.00');
  await expect(accounts.balance('Main')).toHaveText('$150.00');
  await expect(page.getByTestId('transfer').filter({ hasText: 'Not synced yet' })).toHaveCount(1);
  expect(await serverBalances(api)).toEqual({ Main: '200.00', Checking: '800.00' });

  // Back online: the outbox sends it once and the server's balances match the device's.
  await context.setOffline(false);
  await expect
    .poll(() => serverBalances(api), { timeout: 30_000 })
    .toEqual({ Main: '150.00', Checking: '850.00' });
  await expect(page.getByText('Not synced yet')).toHaveCount(0, { timeout: 30_000 });
  await expect(accounts.balance('Checking')).toHaveText('$850.00');
});

test('an expense added on Today with a chosen account counts in that account’s balance, offline too', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'accounts-add');
  await signInContext(context, api);
  const accounts = new AccountsPage(page);
  await accounts.open();
  await expect(accounts.balance('Main')).toHaveText('$0.00');
  await accounts.addAccount('Checking', 'Checking', '500.00');

  const today = new TodayPage(page);
  await today.open();
  const picker = page.getByRole('combobox', { name: 'Account', exact: true });
  await picker.selectOption({ label: 'Checking' });
  await today.quickAdd('12.34', 'Groceries', 'Market');
  // The choice stays for the next expense.
  await expect(picker).toHaveValue(/.+/);
  await expect(picker.locator('option:checked')).toHaveText('Checking');
  await expect
    .poll(() => serverBalances(api), { timeout: 30_000 })
    .toEqual({ Main: '0.00', Checking: '487.66' });
  await accounts.open();
  await expect(accounts.balance('Checking')).toHaveText('$487.66');
  await expect(accounts.balance('Main')).toHaveText('$0.00');

  // Offline, the outbox carries the account with the expense.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await today.open();
  await page
    .getByRole('combobox', { name: 'Account', exact: true })
    .selectOption({ label: 'Checking' });
  await today.quickAdd('7.66', 'Groceries');
  await accounts.open();
  await expect(accounts.balance('Checking')).toHaveText('$480.00');
  expect(await serverBalances(api)).toEqual({ Main: '0.00', Checking: '487.66' });
  await context.setOffline(false);
  await expect
    .poll(() => serverBalances(api), { timeout: 30_000 })
    .toEqual({ Main: '0.00', Checking: '480.00' });
});
