import { expect, test, type Page } from '@playwright/test';
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
  ['Habits and mood', SCREENS.habits, 'mood'],
  ['Insights', '/insights/', 'insights-breakdown'],
  ['Notifications', '/notifications/', 'notifications-unread'],
  ['Settings', '/settings/', 'signed-in-session'],
] as const;

const SIGNED_OUT_SCREENS = [
  ['Sign in', '/sign-in/'],
  ['Sign up', '/sign-up/'],
  ['Reset password', '/reset-password/#token=not-a-real-token'],
] as const;

const ADD_BILL = { en: 'Add a bill', ar: 'إضافة فاتورة' } as const;
const ADD_GOAL = { en: 'Add a goal', ar: 'إضافة هدف' } as const;

async function expectPage(page: Page, locale: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

for (const locale of ['en', 'ar'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the account screens pass axe in ${locale}, ${colorScheme}`, async ({ browser }) => {
      // Signed out: the account screens (the forgotten-password form open).
      const visitor = await browser.newContext({ colorScheme });
      await useLocale(visitor, locale);
      const outside = await visitor.newPage();
      for (const [name, path] of SIGNED_OUT_SCREENS) {
        await outside.goto(path);
        await expectPage(outside, locale);
        if (path === '/sign-in/') await outside.locator('button[aria-expanded]').click();
        await expectNoAxeViolations(outside, `${name} (${locale}, ${colorScheme})`);
      }
      await visitor.close();
    });

    test(`every onboarding step passes axe in ${locale}, ${colorScheme}`, async ({
      browser,
      request,
    }) => {
      // Signed in before onboarding: every step of the wizard and its preview.
      const newcomer = await PaceApi.createAccount(request, `axe-new-${locale}`);
      const fresh = await browser.newContext({ colorScheme });
      await useLocale(fresh, locale);
      await signInContext(fresh, newcomer, { onboarded: false });
      const wizard = await fresh.newPage();
      await wizard.goto('/onboarding/');
      await expectPage(wizard, locale);
      const form = wizard.getByRole('form');
      for (let step = 0; step < 7; step += 1) {
        if (step === 1) await form.getByRole('textbox').first().fill('4000');
        if (step === 2) await form.getByRole('button', { name: ADD_BILL[locale] }).click();
        if (step === 2) {
          const inputs = form.getByRole('textbox');
          await inputs.nth(0).fill('Rent');
          await inputs.nth(1).fill('1500');
          await inputs.nth(2).fill('1');
        }
        // Two goals: the order hint and the leftovers checkbox show.
        if (step === 5) {
          for (const [index, name] of ['Bike', 'Trip'].entries()) {
            await form.getByRole('button', { name: ADD_GOAL[locale] }).click();
            const row = form.getByRole('listitem').nth(index);
            await row.getByRole('textbox').nth(0).fill(name);
            await row.getByRole('textbox').nth(1).fill('600');
          }
          await form.getByRole('checkbox').check();
        }
        await expectNoAxeViolations(
          wizard,
          `Onboarding step ${step + 1} (${locale}, ${colorScheme})`,
        );
        if (step < 6) await form.locator('button[type="submit"]').click();
      }
      await expect(wizard.getByTestId('plan-preview')).toBeVisible();
      await fresh.close();
    });

    test(`every everyday screen passes axe in ${locale}, ${colorScheme}`, async ({
      browser,
      request,
    }) => {
      // Signed in with a plan: the everyday screens.
      const api = await PaceApi.createPlannedAccount(request, `axe-${locale}-${colorScheme}`);
      await api.createExpense({ amount: '4.20', categoryId: 'groceries', description: 'Bread' });
      const context = await browser.newContext({ colorScheme });
      await useLocale(context, locale);
      await signInContext(context, api);
      const page = await context.newPage();
      for (const [name, path, ready] of SIGNED_IN_SCREENS) {
        await page.goto(path);
        await expectPage(page, locale);
        if (ready) await expect(page.getByTestId(ready).first()).toBeVisible();
        await expectNoAxeViolations(page, `${name} (${locale}, ${colorScheme})`);
      }
      await context.close();
    });
  }
}
