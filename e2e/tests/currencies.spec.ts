import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TransactionsPage } from './support/pace-app';

// A foreign-currency expense: the person enters the day's yen rate in Settings, marks a USD expense
// as paid ¥1,200 in the editor, and the list shows "¥1,200 → -$7.80" once the server converted it;
// offline, a new paid amount counts at once at the rate the device synced, "estimated until
// online", and the server's conversion wins.

const PAID = `query { transactionsConnection(first: 10) { nodes {
  description amount { amount currency } paidAmount { amount currency } rate rateSource } } }`;

type Paid = {
  description: string;
  amount: { amount: string; currency: string };
  paidAmount: { amount: string; currency: string } | null;
  rate: string | null;
  rateSource: string | null;
};

async function ramen(api: PaceApi): Promise<Paid | undefined> {
  const data = await api.gql<{ transactionsConnection: { nodes: Paid[] } }>(PAID);
  return data.transactionsConnection.nodes.find((node) => node.description === 'Ramen');
}

test('a foreign-currency expense: rate in Settings, paid amount in the editor, converted on the server', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'currencies');
  await api.gql(
    `mutation ($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
    { input: { amount: '5.00', categoryId: 'dining_out', description: 'Ramen' } },
  );
  await signInContext(context, api);

  // Settings → Exchange rates: 1 JPY = 0.0065 USD today (the ECB feed is out of reach here).
  await page.goto('/settings/');
  const rates = page.getByRole('region', { name: 'Exchange rates' });
  await rates.getByLabel('Currency').selectOption('JPY');
  await rates.getByLabel('1 JPY in USD').fill('0.0065');
  await rates.getByRole('button', { name: 'Save rate' }).click();
  await expect(rates.getByRole('status')).toContainText('Rate saved');
  await expect(rates.getByRole('list', { name: /Rates of JPY/ })).toContainText('0.0065 USD');

  // The editor: paid in JPY, ¥1,200; the server converts at today's rate: $7.80.
  const list = new TransactionsPage(page);
  await list.open();
  await list.row('Ramen').getByRole('button', { name: 'Edit Ramen' }).click();
  const form = page.getByRole('form', { name: 'Edit transaction' });
  await form.getByLabel('Paid in').selectOption('JPY');
  await expect(form.getByTestId('converted-hint')).toContainText('Converted into USD');
  await form.getByLabel('Amount').fill('1200');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(list.row('Ramen').getByTestId('paid-amount')).toHaveText('¥1,200 →');
  await expect(list.row('Ramen')).toContainText('$7.80');
  await expect
    .poll(() => ramen(api))
    .toMatchObject({
      amount: { amount: '7.80', currency: 'USD' },
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.0065',
      rateSource: 'MANUAL',
    });

  // Opened again, the editor shows the stored conversion.
  await list.row('Ramen').getByRole('button', { name: 'Edit Ramen' }).click();
  await expect(form.getByTestId('converted-hint')).toContainText('Converted: $7.80 at 0.0065');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Offline: a new paid amount is queued and counted at once with the synced rate, as an estimate.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await list.row('Ramen').getByRole('button', { name: 'Edit Ramen' }).click();
  await form.getByLabel('Amount').fill('2000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(list.row('Ramen').getByTestId('paid-amount')).toHaveText(
    '¥2,000 → estimated until online',
  );
  await expect(list.row('Ramen')).toContainText('$13.00');
  await context.setOffline(false);
  await expect(list.row('Ramen').getByTestId('paid-amount')).toHaveText('¥2,000 →');
  await expect(list.row('Ramen')).toContainText('$13.00');
  await expect
    .poll(() => ramen(api))
    .toMatchObject({ amount: { amount: '13.00' }, paidAmount: { amount: '2000' } });
});
