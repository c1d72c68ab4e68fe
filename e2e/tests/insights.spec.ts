import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Insights: reached from Today, computed by the server from the ledger (income 4,000.00 USD,
// rent 1,500.00); a new account sees an empty state, spending shows up as a bar chart with its
// accessible list as the text alternative,
// the peer comparison waits for 20 people, and offline the screen says why it has nothing.

test('insights explain the month, from an empty account to its first expenses, and say when offline', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'insights');
  await signInContext(context, api);
  await page.goto(SCREENS.today);
  await page.getByRole('link', { name: 'Open Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();

  // A new account: an empty state, a health score with its parts, no peers yet.
  await expect(page.getByTestId('insights-empty')).toContainText('Nothing to explain yet');
  const health = page.getByRole('region', { name: 'Financial health' });
  await expect(health.getByTestId('health-score')).toContainText('out of 100');
  await expect(health.getByRole('listitem')).toHaveCount(4);
  await expect(health).toContainText('Bills take 37.5% of your income');
  await expect(page.getByTestId('peers-not-enough')).toContainText(
    'Not enough people in your group yet',
  );

  // Spending arrives: the breakdown lists it, largest first, with exact amounts and shares.
  await api.createExpense({ amount: '30.00', categoryId: 'dining_out', description: 'Dinner' });
  await api.createExpense({ amount: '10.00', categoryId: 'groceries', description: 'Bread' });
  await page.reload();
  const breakdown = page.getByRole('region', { name: 'Where the money went' });
  await expect(breakdown).toContainText('Spent in total: $40.00');
  const rows = breakdown.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Dining out');
  await expect(rows.nth(0)).toContainText('$30.00 · 75%');
  await expect(rows.nth(1)).toContainText('Groceries');
  await expect(rows.nth(1)).toContainText('$10.00 · 25%');
  // The same figures as a chart: one image named and described, pointing at the list above.
  const chart = breakdown.getByRole('img', { name: 'Spending by category' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/the list below gives every amount and share/);
  await expect(chart.locator('rect')).toHaveCount(2);
  // Spending patterns are premium: this account's request is FORBIDDEN, so there is no card.
  await expect(page.getByRole('region', { name: 'Spending patterns' })).toHaveCount(0);
  await expect(page.getByTestId('insights-empty')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Pace' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Compared with last month' })).toContainText(
    'No earlier month to compare with yet.',
  );
  await expect(page.getByRole('region', { name: 'Unusual days' })).toContainText(
    'At least 5 days with spending are needed',
  );

  await expectNoAxeViolations(page, 'insights');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'insights (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // The previous month can be read too; the next one is not there yet.
  await expect(page.getByRole('button', { name: 'Later' })).toBeDisabled();
  await page.getByRole('button', { name: 'Earlier' }).click();
  await expect(breakdown).toContainText('No spending this month yet.');
  await page.getByRole('button', { name: 'Later' }).click();
  await expect(breakdown).toContainText('$40.00');

  // Offline: the server computes insights, so the screen says so.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await expect(page.getByTestId('insights-offline')).toContainText('You are offline');
  await context.setOffline(false);
  await expect(breakdown).toContainText('$40.00');
});
