import { expect, test } from '@playwright/test';
import { AuthPages, newEmail } from './support/auth-ui';
import { OnboardingPage } from './support/onboarding-ui';
import { MonthPage, SCREENS, TodayPage } from './support/pace-app';

// The first journey of a new person, through the screens only: sign up → onboarding (with its
// preview, and a dated goal made with the plan) → Today shows the plan → a quick-add overspend →
// Today and Month update, and Month explains the rebalance → Goals shows the goal with what the
// first plan sets aside for it.

test('sign up, onboard with a preview that is the plan, overspend, and read why Month rebalanced', async ({
  page,
}) => {
  await new AuthPages(page).signUp('Sam', newEmail('journey'));
  const onboarding = new OnboardingPage(page);
  await onboarding.answer({
    currency: 'USD',
    timeZone: 'UTC',
    region: 'US',
    income: '4000',
    bills: [
      { name: 'Rent', amount: '1500', dueDay: '1' },
      { name: 'Internet', amount: '60', dueDay: '15' },
    ],
    savingsTarget: '300',
    goals: [{ name: 'Bike', target: '600', targetOn: inMonths(4) }],
    surplusToGoals: true,
  });
  const preview = page.getByTestId('plan-preview');
  // The first plan already sets money aside for the dated goal.
  const bikeInPreview = await preview.getByRole('row', { name: /Bike/ }).innerText();
  const reserved = /\$[\d,]+\.\d\d/.exec(bikeInPreview)?.[0] ?? 'none';
  expect(reserved).not.toBe('$0.00');
  const flexInPreview = await preview.getByTestId('preview-total-flex').innerText();
  const groceriesInPreview = await preview.getByTestId('preview-category-groceries').innerText();
  expect(groceriesInPreview).toMatch(/Groceries\s*\$[\d,]+\.\d\d/);
  await onboarding.confirm();

  // The plan the server made is the one previewed, to the cent.
  const plan = await page.evaluate(async () => {
    const session = JSON.parse(window.localStorage.getItem('pace.session') ?? '{}') as {
      accessToken: string;
    };
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${session.accessToken}`,
      },
      body: JSON.stringify({
        query: '{ plan { totals { flex { amount } } categories { id amount { amount } } } }',
      }),
    });
    return (
      (await response.json()) as {
        data: {
          plan: {
            totals: { flex: { amount: string } };
            categories: { id: string; amount: { amount: string } }[];
          };
        };
      }
    ).data.plan;
  });
  expect(flexInPreview).toContain(
    Number(plan.totals.flex.amount).toLocaleString('en-US', { minimumFractionDigits: 2 }),
  );
  const groceries = plan.categories.find((c) => c.id === 'groceries');
  expect(groceriesInPreview).toContain(
    Number(groceries?.amount.amount).toLocaleString('en-US', { minimumFractionDigits: 2 }),
  );

  const today = new TodayPage(page);
  await expect(today.safeToday).toBeVisible();
  await expect(today.category('groceries')).toContainText('On track');
  const left = await today.category('groceries').innerText();
  const allowance = Number(/\$([\d,]+\.\d\d) left/.exec(left)?.[1]?.replace(',', '') ?? '0');
  expect(allowance).toBeGreaterThan(0);
  await today.quickAdd((allowance * 2).toFixed(2), 'Groceries', 'Big shop');
  await expect(today.category('groceries')).toContainText('Over budget');

  const month = new MonthPage(page);
  await month.open();
  await expect(month.day.getByRole('row', { name: /Groceries/ })).toContainText('Over budget');
  await expect(month.moves).toContainText(
    /moved from .+ to Groceries on .+ because Groceries was overspent/,
  );

  await page.goto(SCREENS.goals);
  const bike = page.getByTestId('goal').filter({ hasText: 'Bike' });
  await expect(bike).toContainText('$0.00 of $600.00');
  await expect(bike).toContainText(`This month's plan sets ${reserved} aside for it.`);
  const settings = await page.evaluate(async () => {
    const session = JSON.parse(window.localStorage.getItem('pace.session') ?? '{}') as {
      accessToken: string;
    };
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${session.accessToken}`,
      },
      body: JSON.stringify({ query: '{ budgetSettings { surplusToGoals } }' }),
    });
    return ((await response.json()) as { data: { budgetSettings: { surplusToGoals: boolean } } })
      .data.budgetSettings;
  });
  expect(settings.surplusToGoals).toBe(true);
});

/** A local date some months from now (the goal's target date: always in the future). */
function inMonths(months: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

test('bills above income are explained in words at the preview, and no plan is made', async ({
  page,
}) => {
  await new AuthPages(page).signUp('Alex', newEmail('infeasible'));
  await new OnboardingPage(page).answer({
    currency: 'EUR',
    timeZone: 'UTC',
    region: 'DE',
    income: '1000',
    bills: [{ name: 'Rent', amount: '1200', dueDay: '1' }],
  });
  await expect(
    page.getByRole('alert').filter({
      hasText: /Your bills \(€1,200\.00\) are more than your monthly income \(€1,000\.00\)/,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make my plan' })).toBeDisabled();
  // Back to the bills, lower the rent: the preview is a plan again.
  await page.getByRole('button', { name: 'Back' }).click();
  for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('textbox', { name: /^Amount/ }).fill('700');
  for (let step = 0; step < 4; step += 1) await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('plan-preview')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make my plan' })).toBeEnabled();
});
