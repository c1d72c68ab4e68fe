import { expect, type Page } from '@playwright/test';

export interface OnboardingAnswers {
  currency?: string;
  timeZone?: string;
  region?: string;
  income: string;
  bills?: { name: string; amount: string; dueDay?: string }[];
  savingsTarget?: string;
  coffeePerWeek?: string;
  goals?: { name: string; target: string; targetOn?: string }[];
  /** Tick "put what is left at the end of each month into these goals". */
  surplusToGoals?: boolean;
}

/** The onboarding wizard, answered as a person would, up to its plan preview. */
export class OnboardingPage {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByRole('form');
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async answer(a: OnboardingAnswers) {
    const { page } = this;
    await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
    if (a.currency) await page.getByLabel('Currency').selectOption(a.currency);
    if (a.timeZone) await page.getByLabel('Time zone').selectOption(a.timeZone);
    if (a.region !== undefined) await page.getByLabel('Region').fill(a.region);
    await this.next();
    await page.getByLabel(/^Monthly income/).fill(a.income);
    await this.next();
    for (const [index, bill] of (a.bills ?? []).entries()) {
      await page.getByRole('button', { name: 'Add a bill' }).click();
      const row = page.getByRole('listitem').nth(index);
      await row.getByRole('textbox', { name: 'Bill', exact: true }).fill(bill.name);
      await row.getByLabel(/^Amount/).fill(bill.amount);
      if (bill.dueDay) await row.getByLabel(/^Due day/).fill(bill.dueDay);
    }
    await this.next();
    if (a.savingsTarget) await page.getByLabel(/^Monthly savings target/).fill(a.savingsTarget);
    await this.next();
    if (a.coffeePerWeek) await page.getByLabel('Coffees out per week').fill(a.coffeePerWeek);
    await this.next();
    for (const [index, goal] of (a.goals ?? []).entries()) {
      await page.getByRole('button', { name: 'Add a goal' }).click();
      const row = page.getByRole('listitem').nth(index);
      await row.getByRole('textbox', { name: 'Goal', exact: true }).fill(goal.name);
      await row.getByLabel(/^Target \(/).fill(goal.target);
      if (goal.targetOn) await row.getByLabel(/^Target date/).fill(goal.targetOn);
    }
    if (a.surplusToGoals)
      await page
        .getByRole('checkbox', { name: /^Put what is left at the end of each month/ })
        .check();
    await this.next();
    await expect(page.getByRole('heading', { name: 'Your plan preview' })).toBeVisible();
  }

  async confirm() {
    await this.page.getByRole('button', { name: 'Make my plan' }).click();
    await expect(this.page).toHaveURL(/\/$/);
  }
}
