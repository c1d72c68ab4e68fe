import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { newEmail, PASSWORD } from './support/auth-ui';
import { OnboardingPage } from './support/onboarding-ui';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Referrals through the screens: A copies their invite link from Settings → Invite friends; B opens
// it in a browser of their own (another device), signs up with the code filled in and completes
// onboarding; A then sees the reward. Refusals (same device, same mailbox) and exactly-once are
// proven in the server tests.

test('a friend who signs up from the share link and onboards earns the referrer Premium days', async ({
  page,
  context,
  request,
  browser,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'referrer');
  await signInContext(context, api);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(SCREENS.today);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByTestId('referral-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite friends' })).toBeVisible();
  const code = (await page.getByTestId('referral-code').innerText()).trim();
  expect(code).toMatch(/^[2-9A-Z]{8}$/);
  await expect(page.getByTestId('referral-invited')).toHaveText('0');
  await page.getByTestId('referral-copy').click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`/sign-up/?ref=${code}`);
  await expectNoAxeViolations(page, 'referrals');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'referrals (dark)');

  // B, on another device, opens the link: the code is filled in.
  const friend = await browser.newContext();
  const friendPage = await friend.newPage();
  const shared = new URL(link);
  await friendPage.goto(`${shared.pathname}${shared.search}`);
  const form = friendPage.getByRole('form', { name: 'Your account' });
  await expect(form.getByTestId('sign-up-referral-code')).toHaveValue(code);
  await expectNoAxeViolations(friendPage, 'sign-up with an invite code');
  await form.getByLabel('Your name').fill('Bea');
  await form.getByLabel('E-mail').fill(newEmail('invitee'));
  await form.getByLabel('New password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create account' }).click();
  const onboarding = new OnboardingPage(friendPage);
  await onboarding.answer({ currency: 'EUR', timeZone: 'UTC', income: '3000' });
  await onboarding.confirm();
  await friend.close();

  // A sees the friend joined, completed onboarding, and the reward.
  await page.reload();
  await expect(page.getByTestId('referral-invited')).toHaveText('1');
  await expect(page.getByTestId('referral-completed')).toHaveText('1');
  await expect(page.getByTestId('referral-rewarded')).toHaveText('1');
  await expect(page.getByTestId('referral-days')).toHaveText('30 days of Premium earned');
  await page.goto('/premium/');
  await expect(page.getByTestId('premium-plan')).toContainText('Premium is on until');
});
