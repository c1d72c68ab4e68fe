import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** Where each screen lives in the built app. */
export const SCREENS = {
  today: '/',
  month: '/month/',
  transactions: '/transactions/',
  goals: '/goals/',
  habits: '/habits/',
} as const;

/** The parts of a session the app keeps (what `register` and `login` answer). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Gives a browser context the session of an account made through the API, as if the person had
 * signed in on that device: the app keeps it, sends its token and refreshes it. An account made
 * by `createPlannedAccount` has finished onboarding; pass `onboarded: false` for one that has not.
 */
export async function signInContext(
  context: BrowserContext,
  tokens: SessionTokens,
  options: { onboarded?: boolean } = {},
): Promise<void> {
  const claims = JSON.parse(
    Buffer.from(tokens.accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { sub: string; exp: number };
  const session = {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: new Date(claims.exp * 1000).toISOString(),
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    user: { id: claims.sub, email: '', name: '', locale: 'en' },
  };
  // Once per context: a later sign-out in the test must stay signed out.
  await context.addInitScript(
    ({ seed, onboarded }) => {
      if (window.localStorage.getItem('pace.e2e.seeded')) return;
      window.localStorage.setItem('pace.e2e.seeded', '1');
      window.localStorage.setItem('pace.session', JSON.stringify(seed));
      window.localStorage.setItem('pace.session.owner', seed.user.id);
      if (onboarded) window.localStorage.setItem('pace.onboarded', seed.user.id);
    },
    { seed: session, onboarded: options.onboarded ?? true },
  );
}

/** The Today screen. */
export class TodayPage {
  readonly safeToday: Locator;
  readonly recent: Locator;
  constructor(readonly page: Page) {
    this.safeToday = page.getByTestId('safe-today');
    this.recent = page.getByTestId('recent-transactions');
  }

  async open() {
    await this.page.goto(SCREENS.today);
    await expect(this.safeToday).toBeVisible();
  }

  category(id: string): Locator {
    return this.page.getByTestId(`today-category-${id}`);
  }

  /** Quick add: the amount, then one tap on the category (the note is optional). */
  async quickAdd(amount: string, categoryName: string, note?: string) {
    await this.page.getByLabel(/^Amount/).fill(amount);
    if (note) await this.page.getByLabel(/^Note/).fill(note);
    await this.page
      .getByRole('group', { name: 'Tap a category to add' })
      .getByRole('button', { name: categoryName, exact: true })
      .click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `Added $${amount} to ${categoryName}.` }),
    ).toBeVisible();
  }
}

/** The Month screen. */
export class MonthPage {
  readonly moves: Locator;
  readonly day: Locator;
  constructor(readonly page: Page) {
    this.moves = page.getByTestId('month-moves');
    this.day = page.getByTestId('month-day');
  }

  async open() {
    await this.page.goto(SCREENS.month);
    await expect(this.page.getByTestId('month-calendar')).toBeVisible();
  }
}

/** The Transactions screen. */
export class TransactionsPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('transaction-row');
  }

  async open() {
    await this.page.goto(SCREENS.transactions);
    await expect(this.page.getByRole('heading', { name: 'Transactions', level: 1 })).toBeVisible();
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async editNote(from: string, to: string) {
    await this.row(from)
      .getByRole('button', { name: `Edit ${from}` })
      .click();
    const form = this.page.getByRole('form', { name: 'Edit transaction' });
    await form.getByLabel('Note').fill(to);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.row(to)).toBeVisible();
  }

  async importFile(name: string, content: string, mimeType = 'text/csv') {
    await this.page.getByLabel(/^CSV, OFX, QFX, QIF/).setInputFiles({
      name,
      mimeType,
      buffer: Buffer.from(content),
    });
  }
}
