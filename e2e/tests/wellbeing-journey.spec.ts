import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { followLiveSubscriptions, SCREENS, signInContext } from './support/pace-app';

// Issue #12's journey, as one person: log a mood, check in a habit, open Insights and see the
// charts, and receive an in-app notification live while the app is open.

test('a day with Pace: a mood, a habit check-in, the Insights charts, and a live notification', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'wellbeing');
  await api.createExpense({ amount: '18.00', categoryId: 'groceries', description: 'Market' });
  await api.createExpense({ amount: '12.00', categoryId: 'dining_out', description: 'Lunch' });
  await signInContext(context, api);

  // A mood and a habit.
  await page.goto(SCREENS.habits);
  const mood = page.getByTestId('mood');
  const good = mood.getByRole('button', { name: 'Good', exact: true });
  await good.click();
  await expect(good).toHaveAttribute('aria-pressed', 'true');
  const create = page.getByRole('region', { name: 'New habit' });
  await create.getByLabel('Habit').fill('Cook at home');
  await create.getByRole('button', { name: 'Add habit' }).click();
  const habit = page.getByTestId('habit').filter({ hasText: 'Cook at home' });
  await habit.getByRole('button', { name: 'Mark done today' }).click();
  await expect(habit.getByTestId('habit-streak')).toContainText('1-day streak');
  await expect
    .poll(async () => {
      const state = await api.gql<{
        habits: { name: string; checkedInToday: boolean }[];
        moods: { score: number }[];
      }>('{ habits { name checkedInToday } moods { score } }');
      return state;
    })
    .toEqual({ habits: [{ name: 'Cook at home', checkedInToday: true }], moods: [{ score: 4 }] });

  // Insights from Today: the breakdown as a chart with its text alternative.
  await page.goto(SCREENS.today);
  await page.getByRole('link', { name: 'Open Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  const breakdown = page.getByRole('region', { name: 'Where the money went' });
  await expect(breakdown).toContainText('Spent in total: $30.00');
  const chart = breakdown.getByRole('img', { name: 'Spending by category' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect')).toHaveCount(2);
  await expect(breakdown.getByRole('listitem').first()).toContainText('$18.00 · 60%');
  // Mood against spending: today's mood (4) beside today's dining out, as columns and as text.
  const moodCard = page.getByRole('region', { name: 'Mood and spending' });
  await expect(moodCard.getByTestId('insights-mood-sentence')).toContainText(
    'So far: not enough data yet — 1 of 14 days with a mood.',
  );
  await expect(
    moodCard.getByRole('img', { name: 'Average spending on treats by mood' }),
  ).toBeVisible();
  await expect(moodCard.getByRole('listitem').nth(3)).toContainText(
    'Mood 4 of 5$12.00 on average (1 day)',
  );

  // Another device overspends: the notification arrives live on the open notifications screen
  // (in a second tab, so the first one's socket stays as it is while the new one is followed).
  const inbox = await context.newPage();
  const live = await followLiveSubscriptions(inbox, request);
  await inbox.goto('/notifications/');
  await live.registered('LiveNotificationAdded');
  await api.createExpense({ amount: '400.00', categoryId: 'dining_out', description: 'Party' });
  await expect(
    inbox.getByTestId('notification-item').filter({ hasText: 'Large expense' }),
  ).toBeVisible();
  await expect(inbox.getByTestId('notification-count')).toHaveText(/^[1-9]\d*$/);
});
