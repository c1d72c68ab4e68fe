import { expect, type Page } from '@playwright/test';

/** The accessible name of the focused element, as a screen reader would announce it (roughly). */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelled = element.getAttribute('aria-label');
    if (labelled) return labelled;
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return labels[0]?.textContent?.trim() ?? '';
    return element.textContent?.trim() ?? '';
  });
}

/**
 * Presses Tab (only Tab) until the focused element is named `name`: proof that a keyboard user
 * reaches it, in the page's own order.
 */
export async function tabTo(page: Page, name: string | RegExp, maxPresses = 80): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  expect(`${String(name)} reached with Tab`).toBe('never reached');
}
