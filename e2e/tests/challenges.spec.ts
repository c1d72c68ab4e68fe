import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Challenges: joined on the Habits screen, judged by the server from the ledger. An expense made
// on another device keeps or breaks a challenge, and the screen shows it after a refresh.

const EAT_OUT = 'Eat out for less this week';
const NO_SPEND = 'Spend nothing today';

test('challenges: join, keep one and break another with expenses made through the API', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'challenges');
  await signInContext(context, api);
  await page.goto(SCREENS.habits);
  const section = page.getByRole('region', { name: 'Challenges' });
  await expect(section.getByText('You have not joined a challenge yet.')).toBeVisible();

  // The capped challenge shows the cap this person gets from their own plan.
  const entry = section.getByTestId('challenge-entry').filter({ hasText: EAT_OUT });
  await expect(entry).toContainText(/Your cap: \$\d+\.\d\d/);
  await entry.getByRole('button', { name: `Join “${EAT_OUT}”` }).click();
  const eatOut = section.getByTestId('challenge-attempt').filter({ hasText: EAT_OUT });
  await expect(eatOut.getByTestId('challenge-status')).toHaveText('On track');
  await expect(eatOut.getByTestId('challenge-days')).toHaveText('0 of 7 days kept');
  await expect(eatOut.getByTestId('challenge-used')).toContainText('$0.00 of $');
  await expect(section.getByTestId('challenge-entry').filter({ hasText: EAT_OUT })).toHaveCount(0);

  await section.getByRole('button', { name: `Join “${NO_SPEND}”` }).click();
  const noSpend = section.getByTestId('challenge-attempt').filter({ hasText: NO_SPEND });
  await expect(noSpend.getByTestId('challenge-status')).toHaveText('On track');

  // Another device: a delivery under the cap keeps one; a coffee breaks the no-spend day.
  await api.createExpense({ amount: '5.00', categoryId: 'delivery' });
  await api.createExpense({ amount: '3.50', categoryId: 'coffee' });
  await page.reload();
  await expect(eatOut.getByTestId('challenge-status')).toHaveText('On track');
  await expect(eatOut.getByTestId('challenge-used')).toContainText('$5.00 of $');
  await expect(noSpend.getByTestId('challenge-status')).toHaveText('Broken');
  await expect(noSpend).toContainText('Broken on');
  await expect(section.getByRole('heading', { name: 'Finished' })).toBeVisible();

  const server = await api.gql<{ myChallenges: { challengeId: string; status: string }[] }>(
    '{ myChallenges { challengeId status } }',
  );
  expect(server.myChallenges).toEqual([
    { challengeId: 'no-spend-day', status: 'FAILED' },
    { challengeId: 'eating-out-under-plan-week', status: 'ACTIVE' },
  ]);

  // Leaving puts it back in the catalogue; a broken one can be started again.
  await eatOut.getByRole('button', { name: `Leave “${EAT_OUT}”` }).click();
  await expect(eatOut).toHaveCount(0);
  await expect(section.getByRole('button', { name: `Join “${EAT_OUT}”` })).toBeEnabled();
  await expect(section.getByRole('button', { name: `Join “${NO_SPEND}”` })).toBeEnabled();

  // Offline, the section says why it cannot show anything.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await expect(section.getByText('You are offline. Challenges need a connection')).toBeVisible();
  await context.setOffline(false);
});
