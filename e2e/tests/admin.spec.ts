import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { AuthPages, PASSWORD } from './support/auth-ui';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

// The admin console: an account listed in the server's ADMIN_EMAILS (playwright.config.ts) is an
// admin from sign-up; it finds a person, makes them premium, sets a feature flag and reads the
// queues and the database. A person without admin:* sees no way in and is told the area is not theirs.

const ADMIN_EMAIL = 'admin-journey@example.com';

async function registerPlanned(page: Page, email: string): Promise<void> {
  const { register } = await PaceApi.gql<{ register: { accessToken: string } }>(
    page.request,
    `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
    {
      input: {
        email,
        password: PASSWORD,
        name: 'Operator',
        country: 'US',
        currency: 'USD',
        locale: 'en',
        timeZone: 'UTC',
      },
    },
  );
  await PaceApi.gql(
    page.request,
    `mutation ($input: CompleteOnboardingInput!) { completeOnboarding(input: $input) { alreadyCompleted } }`,
    { input: { currency: 'USD', timeZone: 'UTC', region: 'US', income: '4000.00' } },
    register.accessToken,
  );
}

test('an admin finds a person, grants premium, sets a flag and reads queues and the database', async ({
  page,
  request,
}) => {
  const person = await PaceApi.createPlannedAccount(request, 'admin-target');
  const { me } = await person.gql<{ me: { email: string } }>('{ me { email } }');
  await registerPlanned(page, ADMIN_EMAIL);

  await page.goto('/sign-in/');
  await new AuthPages(page).signIn(ADMIN_EMAIL);
  await expect(page.getByTestId('safe-today')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByTestId('admin-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Admin sections' });

  // People: found by the start of their e-mail, made premium without an end.
  const search = page.getByRole('search');
  await search.getByLabel('E-mail or account id').fill(me.email.slice(0, 18));
  await search.getByRole('button', { name: 'Search' }).click();
  const card = page.getByTestId('admin-user').filter({ hasText: me.email });
  await expect(card).toHaveCount(1);
  await card.getByLabel('Premium for').selectOption({ label: 'No end' });
  await card.getByRole('button', { name: 'Grant premium' }).click();
  await expect(card.getByRole('status')).toContainText(`${me.email} is premium now`);
  await expect(card.getByText('Premium', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'admin users');

  // Feature flags: a new flag rolled out to a quarter of people.
  await tabs.getByRole('tab', { name: 'Feature flags' }).click();
  const create = page.getByTestId('admin-new-flag');
  await create.getByLabel('Key').fill('journey.admin-flag');
  await create.getByLabel('Description').fill('Made by the admin journey');
  await create.getByLabel('Rollout (%)').fill('25');
  await create.getByRole('button', { name: 'Create flag' }).click();
  const flag = page.getByTestId('admin-flag').filter({ hasText: 'journey.admin-flag' });
  await expect(flag).toContainText('On for everyone: no, rollout 25%');
  await expectNoAxeViolations(page, 'admin flags');

  // Queues and the database are there to read.
  await tabs.getByRole('tab', { name: 'Queues' }).click();
  await expect(
    page.getByTestId('admin-queues').getByRole('rowheader', { name: 'email' }),
  ).toBeVisible();
  await tabs.getByRole('tab', { name: 'Services' }).click();
  await expect(page.getByTestId('admin-services')).toContainText('E-mail (SMTP)');
  // A key rotation is queued from the services tab: the answer names the job and the key.
  await page.getByRole('button', { name: 'Re-encrypt now' }).click();
  await expect(page.getByTestId('admin-rotation')).toContainText(
    /Queued as job \S+; values move to key \S+\./,
  );
  await expectNoAxeViolations(page, 'admin services');
  await tabs.getByRole('tab', { name: 'Database' }).click();
  const tables = page.getByTestId('admin-tables');
  await expect(tables.getByRole('rowheader', { name: 'users', exact: true })).toBeVisible();
  await expect(page.getByText(/Database: embedded \(PGlite\)/)).toBeVisible();
  await expectNoAxeViolations(page, 'admin database');

  // The audit log shows the grant, filtered by its event name.
  await tabs.getByRole('tab', { name: 'Audit log' }).click();
  const filter = page.getByRole('form', { name: 'Filter the audit log' });
  await filter.getByLabel('Event').fill('admin.premium_granted');
  await filter.getByRole('button', { name: 'Show' }).click();
  const granted = page
    .getByTestId('admin-audit-entry')
    .filter({ hasText: 'admin.premium_granted' });
  await expect(granted.first()).toBeVisible();
  await expect(page.getByTestId('admin-audit-entry').filter({ hasText: 'login.' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'admin audit log');

  // The person's next refresh carries premium.
  const entitlement = await person.gql<{ myEntitlement: { isPremium: boolean } }>(
    '{ myEntitlement { isPremium } }',
  );
  expect(entitlement.myEntitlement.isPremium).toBe(true);
});

test('an admin pages through people forward and back, twenty at a time', async ({
  page,
  request,
}) => {
  // 22 people sharing an e-mail prefix: a full page of 20, then the last 2.
  const prefix = `pager${Date.now()}-`;
  const emails = Array.from(
    { length: 22 },
    (_, i) => `${prefix}${String(i).padStart(2, '0')}@example.com`,
  );
  for (const email of emails)
    await PaceApi.gql(
      request,
      `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email,
          password: PASSWORD,
          name: 'Listed',
          country: 'US',
          currency: 'USD',
          locale: 'en',
          timeZone: 'UTC',
        },
      },
    );
  // The admin of the journey above, or a new one when this test runs alone.
  await registerPlanned(page, ADMIN_EMAIL).catch(() => undefined);
  await page.goto('/sign-in/');
  await new AuthPages(page).signIn(ADMIN_EMAIL);
  await expect(page.getByTestId('safe-today')).toBeVisible();
  await page.goto('/admin/');

  const search = page.getByRole('search');
  await search.getByLabel('E-mail or account id').fill(prefix);
  await search.getByRole('button', { name: 'Search' }).click();
  const cards = page.getByTestId('admin-user');
  const pages = page.getByRole('navigation', { name: 'Pages of accounts' });
  await expect(cards).toHaveCount(20);
  await expect(cards.first()).toContainText(emails[0] ?? '');
  await expect(cards.last()).toContainText(emails[19] ?? '');
  await expect(pages.getByRole('button', { name: 'Previous page' })).toHaveCount(0);

  // Forward: the 2 that follow, and the way back.
  await pages.getByRole('button', { name: 'Next page' }).click();
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText(emails[20] ?? '');
  await expect(cards.last()).toContainText(emails[21] ?? '');
  await expect(pages.getByRole('button', { name: 'Next page' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'admin users, last page');

  // Backward with the keyboard: the same 20 as before, no gap and no repeat.
  await pages.getByRole('button', { name: 'Previous page' }).focus();
  await page.keyboard.press('Enter');
  await expect(cards).toHaveCount(20);
  await expect(cards.first()).toContainText(emails[0] ?? '');
  await expect(cards.last()).toContainText(emails[19] ?? '');
  await expect(pages.getByRole('button', { name: 'Next page' })).toBeVisible();
  await expect(pages.getByRole('button', { name: 'Previous page' })).toHaveCount(0);
});

test('a person without admin access sees no way in, and the page says it is for admins', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'not-admin');
  await signInContext(context, api);
  await page.goto('/settings/');
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page.getByTestId('admin-link')).toHaveCount(0);
  await page.goto('/admin/');
  await expect(page.getByTestId('admin-forbidden')).toContainText('This area is for admins.');
  await expect(page.getByRole('tablist')).toHaveCount(0);
});
