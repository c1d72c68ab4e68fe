import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Opens every page of the context in `locale` (as a person who picked it in Settings would). */
export async function useLocale(context: BrowserContext, locale: string): Promise<void> {
  await context.addInitScript((chosen) => {
    window.localStorage.setItem('pace.locale', chosen);
  }, locale);
}

/** Asserts that the page as it stands has no WCAG 2.0/2.1 A or AA violation axe can find. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (violation) =>
      `${screen}: ${violation.id} (${violation.impact ?? 'n/a'}) ${violation.help} — ` +
      violation.nodes.map((node) => node.target.join(' ')).join(', '),
  );
  expect(found).toEqual([]);
}
