import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** Where each screen lives in the built app. */
export const SCREENS = {
  today: '/',
  month: '/month/',
  transactions: '/transactions/',
  goals: '/goals/',
} as const;

/**
 * Gives a browser context the session of an account made through the API: every GraphQL request
 * and the live socket's handshake carry its access token, as a signed-in app's would.
 */
export async function signInContext(context: BrowserContext, accessToken: string): Promise<void> {
  const authorization = `Bearer ${accessToken}`;
  await context.route('**/graphql', (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization } }),
  );
  await context.routeWebSocket(/\/graphql$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (typeof message === 'string') {
        const parsed = JSON.parse(message) as { type?: string; payload?: object };
        if (parsed.type === 'connection_init') {
          server.send(JSON.stringify({ ...parsed, payload: { ...parsed.payload, authorization } }));
          return;
        }
      }
      server.send(message);
    });
  });
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

  async importFile(name: string, content: string) {
    await this.page.getByLabel('CSV, OFX, QFX or QIF file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(content),
    });
  }
}
