import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Habits and mood: check-ins and a mood reach the server, work offline through a cold reload,
// and the mood–spending note says how many days it still needs.

interface ServerHabit {
  name: string;
  checkedInToday: boolean;
  currentStreak: number;
  archivedAt: string | null;
}
const serverState = (api: PaceApi) =>
  api.gql<{ habits: ServerHabit[]; moods: { score: number; label: string | null }[] }>(
    `{ habits(includeArchived: true) { name checkedInToday currentStreak archivedAt } moods { score label } }`,
  );

test('habits and mood: a check-in and a mood reach the server, offline writes survive a reload and sync once', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'habits');
  await signInContext(context, api);
  await page.goto(SCREENS.goals);
  await page.getByRole('link', { name: 'Open habits and mood' }).click();
  await expect(page.getByRole('heading', { name: 'Habits and mood', level: 1 })).toBeVisible();
  await expect(page.getByText('No habits yet.')).toBeVisible();

  const create = page.getByRole('region', { name: 'New habit' });
  await create.getByLabel('Habit').fill('Walk to work');
  await create.getByRole('button', { name: 'Add habit' }).click();
  const walk = page.getByTestId('habit').filter({ hasText: 'Walk to work' });
  await expect(walk).toContainText('Every day');
  await expect(walk.getByTestId('habit-streak')).toContainText('No streak yet');
  await walk.getByRole('button', { name: 'Mark done today' }).click();
  await expect(walk.getByRole('button', { name: 'Done today ✓' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(walk.getByTestId('habit-streak')).toContainText('1-day streak');
  await expect(walk.getByText('Pending')).toHaveCount(0);

  const mood = page.getByTestId('mood');
  const good = mood.getByRole('button', { name: 'Good', exact: true });
  await good.click();
  await expect(good).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('mood-correlation')).toContainText('1 of 14 days with a mood');
  await expect
    .poll(async () => {
      const state = await serverState(api);
      return { habits: state.habits, moods: state.moods };
    })
    .toEqual({
      habits: [{ name: 'Walk to work', checkedInToday: true, currentStreak: 1, archivedAt: null }],
      moods: [{ score: 4, label: null }],
    });

  // Offline: a new weekly habit, done today, and a change of mood, kept through a cold reload.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await create.getByLabel('Habit').fill('Cook at home');
  await create.getByLabel('How often').selectOption('weekly');
  await create.getByLabel('Times per period').fill('3');
  await create.getByRole('button', { name: 'Add habit' }).click();
  const cook = page.getByTestId('habit').filter({ hasText: 'Cook at home' });
  await cook.getByRole('button', { name: 'Mark done today' }).click();
  await mood.getByRole('button', { name: 'Okay', exact: true }).click();
  await mood.getByLabel('A word for it (optional)').fill('tired');
  await mood.getByRole('button', { name: 'Save' }).click();
  await expect(mood.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByTestId('mood-correlation')).toContainText('needs a connection');

  await page.reload();
  await expect(cook).toContainText('3 times a week');
  await expect(cook).toContainText('Pending');
  await expect(cook).toContainText('1 of 3 done this period');
  await expect(mood.getByRole('button', { name: 'Okay', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await context.setOffline(false);
  await expect
    .poll(async () => {
      const state = await serverState(api);
      return {
        habits: state.habits.map((h) => `${h.name}:${String(h.checkedInToday)}`).sort(),
        moods: state.moods,
      };
    })
    .toEqual({
      habits: ['Cook at home:true', 'Walk to work:true'],
      moods: [{ score: 3, label: 'tired' }],
    });
  await expect(page.getByText('Pending', { exact: true })).toHaveCount(0);

  // Archived: out of the list, history kept, and back again.
  await walk.getByRole('button', { name: 'Archive' }).click();
  await expect(walk).toHaveCount(0);
  await page.getByText('1 archived habit').click();
  await page.getByRole('button', { name: 'Bring back' }).click();
  await expect(walk.getByTestId('habit-streak')).toContainText('1-day streak');
});
