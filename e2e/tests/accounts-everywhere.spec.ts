import { expect, test, type Page } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TransactionsPage } from './support/pace-app';

// An account choice wherever money enters Pace: a bank file imported into a second account moves
// that account's balance (not Main's), and a CSV mapping saved with the account offers it again.

const SERVER_BALANCES = `{ accounts(first: 50) { nodes { name balance { amount } } } }`;

async function serverBalances(api: PaceApi): Promise<Record<string, string>> {
  const data = await api.gql<{
    accounts: { nodes: { name: string; balance: { amount: string } }[] };
  }>(SERVER_BALANCES);
  return Object.fromEntries(data.accounts.nodes.map((a) => [a.name, a.balance.amount]));
}

async function openAccounts(page: Page) {
  await page.goto('/accounts/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
}

const balanceOf = (page: Page, name: string) =>
  page.getByTestId('money-account').filter({ hasText: name }).getByTestId('money-account-balance');

test('a bank file imported into a second account changes that account’s balance', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'accounts-everywhere');
  await signInContext(context, api);
  await openAccounts(page);
  await expect(balanceOf(page, 'Main')).toHaveText('$0.00');
  const form = page.getByRole('region', { name: 'Add an account' });
  await form.getByLabel('Name').fill('Card');
  await form.getByLabel('Kind').selectOption({ label: 'Credit card' });
  await form.getByLabel('Opening balance (USD)').fill('0');
  await form.getByRole('button', { name: 'Add account' }).click();
  await expect(form.getByRole('status')).toHaveText('Card added.');

  const list = new TransactionsPage(page);
  await list.open();
  const today = new Date().toISOString().slice(0, 10);
  const csv = `date,amount,payee\n${today},-42.10,Hardware store\n`;
  await list.importFile('card.csv', csv);
  const panel = page.getByRole('region', { name: 'Import a bank file' });
  await panel.getByRole('combobox', { name: 'Account', exact: true }).selectOption({
    label: 'Card',
  });
  await panel.getByLabel('Save this mapping as (e.g. your bank)').fill('Card bank');
  await panel.getByRole('button', { name: 'Save mapping' }).click();
  await expect(panel.getByText('Mapping saved as “Card bank”.')).toBeVisible();
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByTestId('import-report')).toContainText('1 ready, 0 with a problem');
  await panel.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(panel.getByTestId('import-report')).toContainText('1 transaction imported');

  await expect.poll(() => serverBalances(api)).toEqual({ Main: '0.00', Card: '-42.10' });
  await openAccounts(page);
  await expect(balanceOf(page, 'Card')).toHaveText('-$42.10');
  await expect(balanceOf(page, 'Main')).toHaveText('$0.00');

  // The next file of the same bank: the saved mapping brings its account along.
  await list.open();
  await list.importFile('card-april.csv', csv);
  await expect(panel.getByText('Using your saved mapping “Card bank”.')).toBeVisible();
  await expect(
    panel.getByRole('combobox', { name: 'Account', exact: true }).locator('option:checked'),
  ).toHaveText('Card');
});
