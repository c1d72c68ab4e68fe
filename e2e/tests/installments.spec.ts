import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// The installment calculator: reached from Goals, computed by the server against the plan
// (income 4,000.00 USD), with the verdict in words and the schedule; offline it says so.

test('the calculator shows the monthly payment, the verdict and the schedule', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'installments');
  await signInContext(context, api);
  await page.goto(SCREENS.goals);
  await page.getByRole('link', { name: 'Installment calculator' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Installment calculator' }),
  ).toBeVisible();

  const form = page.getByRole('form', { name: 'The loan' });
  await form.getByLabel('Amount to borrow (USD)').fill('1000.00');
  await form.getByLabel('Interest rate (APR, %)').fill('12');
  await form.getByLabel('Number of monthly payments').fill('12');
  await form.getByLabel('First payment (optional)').fill('2027-01-31');
  await form.getByRole('button', { name: 'Calculate' }).click();

  const result = page.getByTestId('installment-result');
  await expect(result.getByTestId('installment-monthly')).toHaveText('$88.85');
  await expect(result).toContainText('$66.19');
  await expect(result).toContainText('$1,066.19');
  await expect(result).toContainText('The last of the 12 payments is $88.84');
  const verdict = page.getByTestId('installment-verdict');
  await expect(verdict).toContainText('Low risk');
  await expect(verdict).toContainText('The payment of $88.85 is 2.2% of your monthly income');

  const schedule = page.getByText('Payment schedule (12 payments)');
  await schedule.click();
  const table = page.getByRole('table', { name: 'Payment schedule' });
  await expect(table.getByRole('row')).toHaveCount(13);
  await expect(table.getByRole('row').nth(2)).toContainText('Feb 28, 2027');
  await expectNoAxeViolations(page, 'installments');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'installments (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // A loan the income cannot carry: 30,000.00 at 24 % over a year is 70.9 % of the income.
  await form.getByLabel('Amount to borrow (USD)').fill('30000');
  await form.getByLabel('Interest rate (APR, %)').fill('24');
  await form.getByRole('button', { name: 'Calculate' }).click();
  await expect(result.getByTestId('installment-monthly')).toHaveText('$2,836.79');
  await expect(verdict).toContainText('High risk');
  await expect(verdict).toContainText(/Above 43\s%\sis risky/);

  // Input the server would refuse is caught on the device, in words.
  await form.getByLabel('Interest rate (APR, %)').fill('150');
  await form.getByRole('button', { name: 'Calculate' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Enter an interest rate from 0 to 100, with at most 4 decimals.',
  );

  await context.setOffline(true);
  await expect(page.getByTestId('installments-offline')).toContainText('needs a connection');
  await expect(form.getByRole('button', { name: 'Calculate' })).toBeDisabled();
  await context.setOffline(false);
});
