import { expect, test, type Locator, type Page } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TodayPage } from './support/pace-app';

// Offline, a quick add paid in yen counts at once in today's budget, converted on the device with
// the rate it synced; one paid in a currency the device has no rate for says it waits. Back
// online, the server converts both, and its amounts are the ones that stand.

const PAID = `query { transactionsConnection(first: 10) { nodes {
  description amount { amount currency } paidAmount { amount currency } rate rateSource } } }`;
const SET_RATE = `mutation ($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { exchangeRate { rate } } }`;

type Paid = {
  description: string;
  amount: { amount: string; currency: string };
  paidAmount: { amount: string; currency: string } | null;
  rate: string | null;
  rateSource: string | null;
};

/** Cents of a USD amount as the screen shows it ("$3,412.20"). */
async function centsOf(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  const [whole = '0', fraction = '00'] = text.replace(/[^\d.-]/g, '').split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0')));
}

/** Quick add in the currency chosen under "Paid in": the amount, a note, one tap on the category. */
async function quickAddPaid(page: Page, amount: string, categoryName: string, note: string) {
  const quickAdd = page.getByRole('region', { name: 'Quick add' });
  await quickAdd.getByLabel(/^Amount/).fill(amount);
  await quickAdd.getByLabel(/^Note/).fill(note);
  await quickAdd
    .getByRole('group', { name: 'Tap a category to add' })
    .getByRole('button', { name: categoryName, exact: true })
    .click();
}

test('offline, a quick add paid in yen counts at once at the synced rate; online, the server’s amount stands', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'currencies-offline');
  // The budget's zone is UTC: yesterday's rate is the latest the device will know.
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await api.gql(SET_RATE, { input: { fromCurrency: 'JPY', rateOn: yesterday, rate: '0.0065' } });
  await signInContext(context, api);

  const todayPage = new TodayPage(page);
  await todayPage.open();
  const quickAdd = page.getByRole('region', { name: 'Quick add' });
  await quickAdd.getByLabel('Paid in').selectOption('JPY');
  // The rate reached the device through sync: quick add says it counts at once with it.
  await expect(quickAdd.getByTestId('device-rate-hint')).toContainText('1 JPY = 0.0065 USD');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await context.setOffline(true);
  // Meanwhile another device enters today's rate: the server knows it, this device does not.
  await api.gql(SET_RATE, { input: { fromCurrency: 'JPY', rateOn: today, rate: '0.0066' } });
  await api.gql(SET_RATE, { input: { fromCurrency: 'GBP', rateOn: yesterday, rate: '1.25' } });

  const left = page.getByTestId('left-this-month');
  const before = await centsOf(left);
  await quickAddPaid(page, '1200', 'Groceries', 'Ramen');
  await expect(
    page.getByRole('status').filter({ hasText: 'Added ¥1,200 to Groceries.' }),
  ).toBeVisible();
  // Counted at once: ¥1,200 × 0.0065 = $7.80, before anything reached the server.
  await expect.poll(() => centsOf(left)).toBe(before - 780);
  const ramen = todayPage.recent.getByRole('listitem').filter({ hasText: 'Ramen' });
  await expect(ramen.getByTestId('paid-amount')).toHaveText('¥1,200 → estimated until online');
  await expect(ramen).toContainText('-$7.80');

  // No pound rate on this device: it says so, and counts nothing until the server converts.
  await quickAdd.getByLabel('Paid in').selectOption('GBP');
  await expect(quickAdd.getByTestId('device-rate-hint')).toContainText(
    'No GBP rate on this device',
  );
  await quickAddPaid(page, '5.00', 'Groceries', 'Tea');
  await expect(
    page.getByRole('status').filter({ hasText: 'Added £5.00 to Groceries.' }),
  ).toBeVisible();
  const tea = todayPage.recent.getByRole('listitem').filter({ hasText: 'Tea' });
  await expect(tea.getByTestId('paid-amount')).toHaveText('£5.00 → converted when online');
  await expect.poll(() => centsOf(left)).toBe(before - 780);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: 'test-results/currencies-offline-today-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Back online: the server converts with the rates it knows, and its amounts replace the device's.
  await context.setOffline(false);
  await expect
    .poll(async () => {
      const data = await api.gql<{ transactionsConnection: { nodes: Paid[] } }>(PAID);
      return data.transactionsConnection.nodes
        .filter((node) => node.paidAmount)
        .map((node) => [node.description, node.amount.amount, node.rate])
        .sort();
    })
    .toEqual([
      ['Ramen', '7.92', '0.0066'],
      ['Tea', '6.25', '1.25'],
    ]);
  await expect(ramen.getByTestId('paid-amount')).toHaveText('¥1,200 →');
  await expect(ramen).toContainText('-$7.92');
  await expect(tea.getByTestId('paid-amount')).toHaveText('£5.00 →');
  await expect(tea).toContainText('-$6.25');
  await expect.poll(() => centsOf(left)).toBe(before - 792 - 625);
  await page.screenshot({
    path: 'test-results/currencies-offline-today-online.png',
    fullPage: true,
  });
});
