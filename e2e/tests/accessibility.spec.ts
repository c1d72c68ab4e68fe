import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, useLocale } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Every screen, in English and in the right-to-left language, in light and dark: zero WCAG 2.1 AA
// violations that axe can find, with the person's own data on screen.
const SIGNED_IN_SCREENS = [
  ['Today', SCREENS.today, 'safe-today'],
  ['Month', SCREENS.month, 'month-calendar'],
  ['Transactions', SCREENS.transactions, 'transaction-row'],
  ['Goals', SCREENS.goals, null],
] as const;

for (const locale of ['en', 'ar'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every signed-in screen passes axe in ${locale}, ${colorScheme}`, async ({
      browser,
      request,
    }) => {
      const api = await PaceApi.createPlannedAccount(request, `axe-${locale}-${colorScheme}`);
      await api.createExpense({ amount: '4.20', categoryId: 'groceries', description: 'Bread' });
      const context = await browser.newContext({ colorScheme });
      await useLocale(context, locale);
      await signInContext(context, api);
      const page = await context.newPage();
      for (const [name, path, ready] of SIGNED_IN_SCREENS) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (ready) await expect(page.getByTestId(ready).first()).toBeVisible();
        await expectNoAxeViolations(page, `${name} (${locale}, ${colorScheme})`);
      }
      await context.close();
    });
  }
}
