import { expect, test, type Page } from '@playwright/test';
import { AuthPages, PASSWORD } from './support/auth-ui';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

// Settings against the real API: access tokens shown once and scoped, signed-in devices revoked,
// theme, language and rollover kept, the data exported, the account deleted.

async function openSettings(page: Page) {
  await page.goto('/settings/');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
}

test('an access token is shown once, does what its scope allows and nothing else, until revoked', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'pat');
  await signInContext(context, api);
  await openSettings(page);
  const create = page.getByRole('form', { name: 'Create token' });
  await create.getByLabel('Token name').fill('Spreadsheet');
  await create.getByRole('checkbox', { name: /read:profile/ }).check();
  await create.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').innerText()).trim();
  expect(token.length).toBeGreaterThan(20);

  const call = (query: string) =>
    request
      .post('/graphql', { headers: { authorization: `Bearer ${token}` }, data: { query } })
      .then(
        (r) => r.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>,
      );
  expect((await call('{ me { id } }')).errors).toBeUndefined();
  expect(
    (await call('{ transactions(first: 1) { edges { node { id } } } }')).errors?.[0]?.extensions
      .code,
  ).toBe('FORBIDDEN');

  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await page.getByRole('button', { name: 'Revoke token Spreadsheet' }).click();
  await expect(page.getByText('No access tokens.')).toBeVisible();
  expect((await call('{ me { id } }')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});

test('another signed-in device is listed and signed out from here', async ({
  browser,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'devices');
  const { me } = await api.gql<{ me: { email: string } }>('{ me { email } }');
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [onLaptop, onPhone] = [await laptop.newPage(), await phone.newPage()];
  for (const page of [onLaptop, onPhone]) {
    await page.goto('/sign-in/');
    await new AuthPages(page).signIn(me.email);
    await expect(page.getByTestId('safe-today')).toBeVisible();
  }
  await openSettings(onLaptop);
  const devices = onLaptop.getByTestId('signed-in-session');
  await expect(devices).toHaveCount(3); // sign-up through the API, the laptop, the phone
  await expect(
    devices.filter({ has: onLaptop.getByText('This device', { exact: true }) }),
  ).toHaveCount(1);
  while ((await onLaptop.getByRole('button', { name: 'Sign out this device' }).count()) > 0) {
    const before = await devices.count();
    await onLaptop.getByRole('button', { name: 'Sign out this device' }).first().click();
    await expect(devices).toHaveCount(before - 1);
  }
  await onPhone.reload();
  await new AuthPages(onPhone).expectSignInScreen();
  await expect(onPhone.getByRole('status').filter({ hasText: 'Your session ended' })).toBeVisible();
  await laptop.close();
  await phone.close();
});

test('theme, language and rollover are kept; the data exports; the account can be deleted', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'prefs');
  await api.createExpense({ amount: '7.25', categoryId: 'groceries', description: 'Market' });
  await signInContext(context, api);
  await openSettings(page);

  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: 'Into savings' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect
    .poll(async () => (await api.gql<{ me: { locale: string } }>('{ me { locale } }')).me.locale)
    .toBe('de');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('radio', { name: 'In die Rücklagen' })).toBeChecked();
  const settings = await api.gql<{ budgetSettings: { rollover: string } }>(
    '{ budgetSettings { rollover } }',
  );
  expect(settings.budgetSettings.rollover).toBe('SAVINGS');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Meine Daten exportieren' }).click(),
  ]);
  const exported = await download
    .path()
    .then((path) => import('node:fs/promises').then((fs) => fs.readFile(path, 'utf8')));
  expect(exported).toContain('Market');

  page.once('dialog', (dialog) => void dialog.accept());
  const remove = page.getByRole('form', { name: 'Mein Konto löschen' });
  await remove.getByLabel('Dein Passwort').fill(PASSWORD);
  await remove.getByRole('button', { name: 'Mein Konto löschen' }).click();
  await expect(page).toHaveURL(/\/sign-in\//);
  const gone = await request.post('/graphql', {
    headers: { authorization: `Bearer ${api.accessToken}` },
    data: { query: '{ me { id } }' },
  });
  expect(((await gone.json()) as { errors?: unknown[] }).errors).toBeDefined();
});
