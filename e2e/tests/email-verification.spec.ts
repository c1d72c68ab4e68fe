import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { AuthPages, latestMailTo, newEmail } from './support/auth-ui';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

// E-mail verification: the sign-up mail's link verifies the address (buying premium and exporting
// data wait for it), and the person chooses which optional mails they receive.

const CHECKOUT = 'mutation { startPremiumCheckout { url } }';
const CONFIRM = /confirm your e-mail/i;

/** The reason the API gives for refusing to start a premium purchase. */
async function checkoutRefusal(request: APIRequestContext, token: string): Promise<string> {
  try {
    await PaceApi.gql(request, CHECKOUT, {}, token);
    return 'none';
  } catch (error) {
    return /"reason":"(\w+)"/.exec(String(error))?.[1] ?? String(error);
  }
}

const linkOf = (text: string) => /\/verify-email\/\?token=[\w-]+/.exec(text)?.[0] ?? '';

test('a sign-up is mailed a link that verifies the address once; premium waits for it', async ({
  page,
  request,
}) => {
  const email = newEmail('verify');
  await new AuthPages(page).signUp('Robin', email);
  await expect(page).toHaveURL(/\/onboarding\//);
  const token = await page.evaluate(
    () =>
      (JSON.parse(window.localStorage.getItem('pace.session') ?? '{}') as { accessToken: string })
        .accessToken,
  );
  expect(await checkoutRefusal(request, token)).toBe('EMAIL_NOT_VERIFIED');

  const mail = await latestMailTo(email, CONFIRM);
  const link = linkOf(mail.text);
  expect(link).not.toBe('');
  // Opened before onboarding: the page verifies first.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Verify your e-mail' })).toBeVisible();
  await expect(page.getByTestId('verify-email-outcome')).toContainText(`${email} is verified`);
  expect(page.url()).not.toContain('token=');
  await expectNoAxeViolations(page, 'verify e-mail');
  // Past the verification, only the server's missing payment setup stops the purchase.
  expect(await checkoutRefusal(request, token)).toBe('PAYMENTS_NOT_CONFIGURED');

  // The same link again says it was used; a made-up one, that it is not valid.
  await page.goto(link);
  await expect(page.getByTestId('verify-email-outcome')).toContainText(
    'This link was used already',
  );
  await page.goto('/verify-email/?token=made-up');
  await expect(page.getByTestId('verify-email-outcome')).toContainText('This link is not valid');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'verify e-mail, invalid link (dark)');
});

test('an unverified person is told in Settings and on Premium, verifies, and chooses their e-mails', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'prefs-mail', { verified: false });
  const { me } = await api.gql<{ me: { email: string } }>('{ me { email } }');
  await signInContext(context, api);

  await page.goto('/settings/');
  const notice = page.getByTestId('verify-email-notice');
  await expect(notice).toContainText(`We sent a link to ${me.email}`);
  // The sign-up mail went out a moment ago: a new one waits a minute.
  await notice.getByRole('button', { name: 'Send the link again' }).click();
  await expect(notice.getByRole('alert')).toContainText('Wait a minute');
  await expectNoAxeViolations(page, 'settings, unverified');
  await page.goto('/premium/');
  await expect(page.getByTestId('verify-email-notice')).toBeVisible();

  await page.goto(linkOf((await latestMailTo(me.email, CONFIRM)).text));
  await expect(page.getByTestId('verify-email-outcome')).toContainText('is verified');

  await page.goto('/settings/');
  const section = page.getByRole('region', { name: 'E-mails' });
  await expect(section).toContainText('Security e-mails');
  await expect(page.getByTestId('verify-email-notice')).toHaveCount(0);
  await section.getByLabel(/Product news/).check();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  const saved = await api.gql<{ emailPreferences: { productNews: boolean } }>(
    '{ emailPreferences { productNews } }',
  );
  expect(saved.emailPreferences.productNews).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'settings, e-mail preferences (dark)');
});
