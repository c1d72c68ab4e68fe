import { expect, test } from '@playwright/test';
import { newEmail, PASSWORD } from './support/auth-ui';
import { tabTo } from './support/keyboard';
import { TodayPage } from './support/pace-app';

// The first journey with the keyboard alone (Tab, typing, Enter): sign up, onboard, see the plan
// on Today, overspend with quick add, and read on Month why the budget moved.

test('the first journey can be done with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-up/');
  await tabTo(page, 'Your name');
  await page.keyboard.type('Kim');
  await tabTo(page, 'E-mail');
  await page.keyboard.type(newEmail('keyboard'));
  await tabTo(page, 'New password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/onboarding\//);

  // Each step: its fields by Tab, then Enter submits the step.
  await expect(page.getByRole('heading', { name: 'Your money' })).toBeFocused();
  await tabTo(page, 'Next');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Monthly income (USD)');
  await page.keyboard.type('4000');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Fixed bills' })).toBeFocused();
  await tabTo(page, 'Add a bill');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Bill');
  await page.keyboard.type('Rent');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1500');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Monthly savings target (USD)');
  await page.keyboard.type('300');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Next'); // habits: left empty
  await page.keyboard.press('Enter');
  await tabTo(page, 'Next'); // goals: none
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-preview')).toBeVisible();
  await tabTo(page, 'Make my plan');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);

  const today = new TodayPage(page);
  await expect(today.category('groceries')).toContainText('On track');
  const left = await today.category('groceries').innerText();
  const allowance = Number(/\$([\d,]+\.\d\d) left/.exec(left)?.[1]?.replace(',', '') ?? '0');
  await tabTo(page, /^Amount/);
  await page.keyboard.type((allowance * 2).toFixed(2));
  await tabTo(page, 'Groceries');
  await page.keyboard.press('Enter');
  await expect(today.category('groceries')).toContainText('Over budget');

  await tabTo(page, 'Month');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('month-moves')).toContainText(
    /moved from .+ to Groceries on .+ because Groceries was overspent/,
  );
});
