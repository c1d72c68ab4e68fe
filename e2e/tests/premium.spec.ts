import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Premium from Settings: what it adds and the person's plan. The end-to-end server runs without
// Stripe keys (the embedded default), so the page says premium cannot be bought here; the purchase
// itself (checkout, signed events) is proven against a local Stripe stand-in in the server tests.

test('Settings leads to Premium, which shows the plan and whether it can be bought', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'premium');
  await signInContext(context, api);
  await page.goto(SCREENS.today);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByTestId('premium-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Premium' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What Premium adds' })).toContainText(
    'Spending patterns',
  );
  const plan = page.getByTestId('premium-plan');
  await expect(plan).toContainText('You are on the standard plan.');
  await expect(plan.getByTestId('premium-unavailable')).toContainText(
    'Premium cannot be bought on this server.',
  );
  await expect(plan.getByTestId('premium-buy')).toHaveCount(0);
  await expectNoAxeViolations(page, 'premium');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'premium (dark)');

  // Back from Stripe's page: the person is told premium starts when the payment is confirmed.
  await page.goto('/premium/?checkout=done');
  await expect(page.getByTestId('premium-returned')).toContainText('Thank you!');
});
