import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import {
  followLiveSubscriptions,
  MonthPage,
  signInContext,
  TodayPage,
  TransactionsPage,
} from './support/pace-app';

// The PWA's local-first screens against the real API: Today and the month computed on the device
// from IndexedDB, the outbox replayed after an offline spell, live updates between two devices,
// and a bank-file import.

test('Today shows the plan, a quick-add overspend updates Today and Month, and Month explains the rebalance', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'journey');
  await signInContext(context, api);
  const today = new TodayPage(page);
  await today.open();

  // The device's numbers are the server's to the cent.
  const expectSameAsServer = async () => {
    const server = await api.dashboardToday();
    for (const cell of server.dashboard.todayBudget?.categories ?? []) {
      const row = today.category(cell.categoryId);
      if ((await row.count()) > 0)
        await expect(row).toContainText(`$${cell.remaining.amount} left`);
    }
    return server;
  };
  const before = await expectSameAsServer();
  const groceries = before.dashboard.todayBudget?.categories.find(
    (c) => c.categoryId === 'groceries',
  );
  expect(groceries?.status).toBe('GREEN');
  await expect(today.category('groceries')).toContainText('On track');

  // Twice the day's groceries allocation: an overspend other categories must cover.
  const allowance = Number.parseInt(groceries?.remaining.amount.replace('.', '') ?? '0', 10);
  await today.quickAdd(((allowance * 2) / 100).toFixed(2), 'Groceries', 'Big shop');
  await expect(today.category('groceries')).toContainText('Over budget');
  await expect(today.recent).toContainText('Big shop');
  await expect(today.recent.getByText('Pending')).toHaveCount(0);
  expect((await api.transactions()).map((t) => t.description)).toEqual(['Big shop']);
  await expectSameAsServer();

  const month = new MonthPage(page);
  await month.open();
  await expect(month.day.getByRole('row', { name: /Groceries/ })).toContainText('Over budget');
  await expect(month.moves).toContainText(
    /moved from .+ to Groceries on .+ because Groceries was overspent/,
  );
});

test('offline: three expenses and an edit survive a reload and reach the server once each; a conflicting edit is shown', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'offline');
  const shared = await api.createExpense({
    amount: '5.00',
    categoryId: 'groceries',
    description: 'Bread',
  });
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  await list.open();
  await expect(list.row('Bread')).toBeVisible();
  // The service worker must control the page for a cold reload offline.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(list.row('Bread')).toBeVisible();

  await context.setOffline(true);
  const today = new TodayPage(page);
  await today.open();
  for (const [amount, note] of [
    ['3.10', 'Coffee'],
    ['7.25', 'Bus'],
    ['12.00', 'Lunch'],
  ] as const) {
    await today.quickAdd(amount, 'Flex', note);
  }
  await list.open();
  await list.editNote('Lunch', 'Lunch with Sam');
  await list.editNote('Bread', 'Bread and milk');
  await expect(page.getByTestId('sync-status')).toContainText('You are offline');

  // Meanwhile another device edits the same transaction.
  await api.editDescription(shared.id, shared.version, 'Sourdough');

  await page.reload();
  await expect(list.row('Coffee')).toBeVisible();
  await expect(list.row('Lunch with Sam')).toContainText('Pending');
  await expect(list.rows).toHaveCount(4);
  // A cold load of Today offline: the precached shell and the numbers from IndexedDB.
  await today.open();
  await expect(today.recent).toContainText('Lunch with Sam');
  await expect(today.recent.getByText('Pending')).toHaveCount(4);
  await list.open();

  await context.setOffline(false);
  await expect
    .poll(async () => (await api.transactions()).map((t) => t.description).sort())
    .toEqual(['Bus', 'Coffee', 'Lunch with Sam', 'Sourdough']);
  const conflict = page.getByTestId('sync-conflict');
  await expect(conflict).toContainText('Bread and milk');
  await expect(conflict).toContainText('Sourdough');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  // Mine shows at once and is sent without waiting for another write.
  await expect(list.row('Bread and milk')).toBeVisible();
  await expect
    .poll(async () => (await api.transactions()).map((t) => t.description).sort())
    .toEqual(['Bread and milk', 'Bus', 'Coffee', 'Lunch with Sam']);
  await expect(conflict).toHaveCount(0);
});

test('two devices: an expense added on one appears on the other without a reload', async ({
  browser,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'devices');
  const first = await browser.newContext();
  const second = await browser.newContext();
  await signInContext(first, api);
  await signInContext(second, api);
  const phone = new TodayPage(await first.newPage());
  const laptop = new TodayPage(await second.newPage());
  const live = await followLiveSubscriptions([phone.page, laptop.page], request);
  await phone.open();
  await laptop.open();
  await laptop.page.waitForFunction(() => document.querySelector('[data-testid="safe-today"]'));
  // The laptop hears of the phone's writes once the API has its subscriptions.
  await live.registered('LiveBudgetUpdated');

  await phone.quickAdd('4.20', 'Groceries', 'Apples');
  await expect(laptop.recent).toContainText('Apples');
  // An overspend on one device is an alert on the other, shown as a toast.
  await phone.quickAdd('500.00', 'Groceries', 'Party');
  await expect(laptop.recent).toContainText('Party');
  await expect(laptop.page.getByTestId('live-toasts')).toContainText(
    "Groceries is at 100 % of today's budget.",
  );
  await first.close();
  await second.close();
});

test('import: the preview names the bad row, the good rows are imported and listed', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'import');
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  await list.open();
  const today = new Date().toISOString().slice(0, 10);
  await list.importFile(
    'bank.csv',
    `Date,Amount,Payee\n${today},-12.50,Corner shop\nnot a date,-3.00,Broken row\n${today},-8.75,Bakery\n`,
  );
  await page.getByRole('button', { name: 'Preview' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('2 ready, 1 with a problem');
  await expect(report).toContainText('Line 3');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(report).toContainText('2 transactions imported');
  await expect(list.row('Corner shop')).toBeVisible();
  await expect(list.row('Bakery')).toBeVisible();
  await expect(list.row('Broken row')).toHaveCount(0);
});

test('import: a file of thousands of rows runs as a job, shows its progress and ends with the count', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'big-import');
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  await list.open();
  const today = new Date().toISOString().slice(0, 10);
  const rows = Array.from(
    { length: 2_500 },
    (_, i) => `${today},-0.${String((i % 89) + 10)},Shop ${i}`,
  );
  await list.importFile('big.csv', `Date,Amount,Payee\n${rows.join('\n')}\n`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('2,500 ready');
  await page.getByRole('button', { name: 'Import 2,500 rows' }).click();
  // The server queued it: the panel follows the job, with a progress bar, until it is done.
  await expect(report.getByRole('progressbar', { name: /Importing 2,500 rows/ })).toBeVisible();
  await expect(report).toContainText('2,500 transactions imported', { timeout: 60_000 });
  await expect(report.getByRole('progressbar')).toHaveCount(0);
});
