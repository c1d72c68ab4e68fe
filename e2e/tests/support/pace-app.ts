import {
  expect,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';

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

/** The API's count of open live subscriptions (its `pace_subscriptions_open` metric). */
async function subscriptionsOpenOnServer(request: APIRequestContext): Promise<number> {
  const metrics = await (await request.get('/metrics')).text();
  return Number(/^pace_subscriptions_open(?:\{[^}]*\})? (\d+)/m.exec(metrics)?.[1] ?? 0);
}

/**
 * Follows the live subscriptions the given pages open; call it before they open their sockets,
 * and leave other sockets as they are meanwhile (a closed socket leaves the API's count late).
 * `registered(name)` waits until every page asked for the named subscription and the API counts
 * all the pages' open ones. The API counts each right before it registers it, in the same turn, so
 * an event caused after that arrives live (not through the catch-up read of a reconnection),
 * however slow the machine.
 */
export async function followLiveSubscriptions(pages: Page | Page[], request: APIRequestContext) {
  const baseline = await subscriptionsOpenOnServer(request);
  /** Per page: its open operations by socket and id, with their query. */
  const open = new Map<Page, Map<string, string>>();
  let sockets = 0;
  for (const page of Array.isArray(pages) ? pages : [pages]) {
    const operations = new Map<string, string>();
    open.set(page, operations);
    page.on('websocket', (socket) => {
      const socketId = ++sockets;
      socket.on('framesent', (frame) => {
        let message: { id?: string; type?: string; payload?: { query?: string } };
        try {
          message = JSON.parse(String(frame.payload)) as typeof message;
        } catch {
          return;
        }
        const key = `${socketId}:${message.id ?? ''}`;
        if (message.type === 'subscribe') operations.set(key, message.payload?.query ?? '');
        if (message.type === 'complete') operations.delete(key);
      });
      socket.on('close', () => {
        for (const key of [...operations.keys()])
          if (key.startsWith(`${socketId}:`)) operations.delete(key);
      });
    });
  }
  const openCount = () => [...open.values()].reduce((sum, operations) => sum + operations.size, 0);
  return {
    async registered(name: string): Promise<void> {
      await expect
        .poll(() =>
          [...open.values()].every((operations) =>
            [...operations.values()].some((query) => query.includes(name)),
          ),
        )
        .toBe(true);
      await expect
        .poll(async () => (await subscriptionsOpenOnServer(request)) - baseline - openCount())
        .toBeGreaterThanOrEqual(0);
    },
  };
}

/**
 * For a journey that compares dates it computes with the app's and the server's "today" (UTC
 * here): when UTC midnight is less than `marginMs` away, waits until the new day has begun, so
 * the day cannot change halfway through. The test's time limit grows by that wait.
 */
export async function awayFromMidnight(marginMs = 120_000): Promise<void> {
  const msToMidnight = 86_400_000 - (Date.now() % 86_400_000);
  if (msToMidnight >= marginMs) return;
  test.info().setTimeout(test.info().timeout + msToMidnight + 5_000);
  await new Promise((resolve) => setTimeout(resolve, msToMidnight + 1_000));
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
