import { expect, test } from '@playwright/test';
import { useLocale } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// The person's language holds across screens, reloads and an offline cold start: its messages
// are precached with the shell, and Arabic lays the page out right to left.
test('a stored language opens every screen in it, offline too', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'languages');
  await useLocale(context, 'ar');
  await signInContext(context, api);

  await page.goto(SCREENS.today);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'اليوم' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'الرئيسية' })).toBeVisible();
  // Built-in categories read in the language; the amounts stay exact.
  await expect(page.getByTestId('today-category-groceries')).toContainText('البقالة');

  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await context.setOffline(true);
  await page.goto(SCREENS.month);
  await expect(page.getByRole('heading', { level: 1, name: 'الشهر' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await context.setOffline(false);
});

test('the browser language is used until the person picks another', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(SCREENS.month);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // Signed out, so the sign-in screen, in the browser's language.
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.evaluate(() => window.localStorage.setItem('pace.locale', 'ja'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: 'サインイン' })).toBeVisible();
  await context.close();
});

test('the stored language and theme apply before any script of the app runs', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.localStorage.setItem('pace.locale', 'ar');
    window.localStorage.setItem('pace.theme', 'dark');
  });
  // No chunk of the app loads: only the page's own head script can set these.
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto('/sign-in/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await context.close();
});
