import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TodayPage } from './support/pace-app';

// A rate entered on another device reaches this one through sync and Settings lists it offline;
// Today's quick add takes an expense "paid in" yen, which the server converts at that rate.

const PAID = `query { transactionsConnection(first: 10) { nodes {
  description amount { amount currency } paidAmount { amount currency } rate rateSource } } }`;

type Paid = {
  description: string;
  amount: { amount: string; currency: string };
  paidAmount: { amount: string; currency: string } | null;
  rate: string | null;
  rateSource: string | null;
};

test('an entered rate syncs to the device and is listed offline; quick add pays in yen', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'currency-sync');
  // Another device enters yesterday's yen rate (yesterday in every time zone is at most today).
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await api.gql(
    `mutation ($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { exchangeRate { rate } } }`,
    { input: { fromCurrency: 'JPY', rateOn: yesterday, rate: '0.0065' } },
  );
  await signInContext(context, api);

  // Quick add on Today: paid in JPY, ¥1,200; the server converts it: $7.80.
  const today = new TodayPage(page);
  await today.open();
  await page.getByLabel('Paid in').selectOption('JPY');
  await expect(page.getByText('Converted into USD')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 900 });
  await page
    .getByRole('region', { name: 'Quick add' })
    .screenshot({ path: 'test-results/currency-sync-quick-add-390.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel(/^Amount/).fill('1200');
  await page.getByLabel(/^Note/).fill('Ramen');
  await page
    .getByRole('group', { name: 'Tap a category to add' })
    .getByRole('button', { name: 'Groceries', exact: true })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Added ¥1,200 to Groceries.' }),
  ).toBeVisible();
  await expect
    .poll(async () => {
      const data = await api.gql<{ transactionsConnection: { nodes: Paid[] } }>(PAID);
      return data.transactionsConnection.nodes.find((node) => node.description === 'Ramen');
    })
    .toMatchObject({
      amount: { amount: '7.80', currency: 'USD' },
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.0065',
      rateSource: 'MANUAL',
    });

  // Offline, Settings lists the rate this device mirrored from sync.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(today.safeToday).toBeVisible();
  await context.setOffline(true);
  await page.goto('/settings/');
  const rates = page.getByRole('region', { name: 'Exchange rates' });
  await rates.getByLabel('Currency').selectOption('JPY');
  await expect(rates.getByRole('list', { name: /Rates of JPY/ })).toContainText('0.0065 USD');
  await expect(rates.getByRole('alert')).toContainText('You are offline');
  await page.screenshot({
    path: 'test-results/currency-sync-settings-offline.png',
    fullPage: true,
  });
  await context.setOffline(false);
});
