import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { MonthPage, SCREENS, signInContext } from './support/pace-app';

// Manual moves with undo on Month, and goals with a contribution and its milestone moment.

test('a manual move is explained on Month and undone', async ({ page, context, request }) => {
  const api = await PaceApi.createPlannedAccount(request, 'moves');
  await signInContext(context, api);
  const month = new MonthPage(page);
  await month.open();
  const form = page.getByRole('region', { name: 'Move budget' });
  await form.getByLabel('From').selectOption({ label: 'Flex' });
  await form.getByLabel('To').selectOption({ label: 'Groceries' });
  await form.getByLabel(/^Amount/).fill('1.00');
  await form.getByRole('button', { name: 'Move' }).click();
  const explained = month.moves.getByRole('listitem').filter({ hasText: 'because you moved it' });
  await expect(explained).toContainText('$1.00 moved from Flex to Groceries');

  const inForce = async () => {
    const data = await api.gql<{ plan: { month: string } }>(`{ plan { month } }`);
    const moves = await api.gql<{ budgetAdjustments: { id: string }[] }>(
      `query ($month: YearMonth!) { budgetAdjustments(month: $month) { id } }`,
      { month: data.plan.month },
    );
    return moves.budgetAdjustments.length;
  };
  await expect.poll(inForce).toBe(1);

  await explained.getByRole('button', { name: 'Undo' }).click();
  await expect(explained).toHaveCount(0);
  await expect.poll(inForce).toBe(0);
});

test('a goal is created, receives a contribution and celebrates its milestone', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'goals');
  await signInContext(context, api);
  await page.goto(SCREENS.goals);
  const create = page.getByRole('region', { name: 'New goal' });
  await create.getByLabel('Name').fill('Trip');
  await create.getByLabel(/^Target \(/).fill('100.00');
  await create.getByRole('button', { name: 'Create goal' }).click();

  const goal = page.getByTestId('goal').filter({ hasText: 'Trip' });
  await expect(goal).toContainText('$0.00 of $100.00 saved');
  await goal.getByLabel('Put money aside').fill('50.00');
  await goal.getByRole('button', { name: 'Contribute' }).click();
  await expect(goal.getByRole('status')).toContainText('Trip is 50 % there!');
  await expect(goal).toContainText('$50.00 of $100.00 saved (50 %)');
  await expect(goal.getByText('Pending')).toHaveCount(0);

  await expect
    .poll(async () => {
      const data = await api.gql<{ goals: { name: string; saved: { amount: string } }[] }>(
        `{ goals { name saved { amount } } }`,
      );
      return data.goals.map((g) => [g.name, g.saved.amount]);
    })
    .toEqual([['Trip', '50.00']]);

  // The month's plan reserved nothing for the new goal: the money came out of Flex as a transfer,
  // and today is not an overspent day.
  const month = new MonthPage(page);
  await month.open();
  await expect(
    month.moves.getByRole('listitem').filter({ hasText: 'you put money aside for Trip' }),
  ).toContainText('$50.00 moved from Flex to Trip');
  await expect(month.day.getByRole('row', { name: /Trip/ })).toContainText('On track');
  await expect(page.locator('[data-today]')).not.toHaveAttribute('data-state', 'red');
});

test('a dated goal is offered a reservation in the current month, which the plan then holds', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'reserve');
  await signInContext(context, api);
  await page.goto(SCREENS.goals);
  const create = page.getByRole('region', { name: 'New goal' });
  await create.getByLabel('Name').fill('Bike');
  await create.getByLabel(/^Target \(/).fill('600.00');
  const nextYear = `${new Date().getFullYear() + 1}-06-30`;
  await create.getByLabel(/^Target date/).fill(nextYear);
  await create.getByRole('button', { name: 'Create goal' }).click();

  const goal = page.getByTestId('goal').filter({ hasText: 'Bike' });
  const offer = goal.getByRole('group', { name: 'Reserve for Bike this month' });
  await expect(offer).toContainText("This month's plan sets nothing aside for Bike yet.");
  // Enabled once the goal has reached the server.
  await expect(offer.getByRole('button', { name: 'Reserve from today' })).toBeEnabled();
  await offer.getByRole('button', { name: 'Reserve from today' }).click();
  await expect(goal.getByRole('status')).toContainText(
    /This month now sets \$\d+\.\d\d aside for Bike\./,
  );
  // The new plan reaches this device: the offer goes, and the month holds the reservation.
  await expect(offer).toHaveCount(0);
  const reserved = await api.gql<{
    plan: { categories: { id: string; amount: { amount: string } }[] };
  }>(`{ plan { categories { id amount { amount } } } }`);
  const bike = reserved.plan.categories.find((c) => c.id.startsWith('goal:'));
  expect(Number(bike?.amount.amount)).toBeGreaterThan(0);
  const month = new MonthPage(page);
  await month.open();
  await expect(month.day.getByRole('row', { name: /Bike/ })).toBeVisible();
});
