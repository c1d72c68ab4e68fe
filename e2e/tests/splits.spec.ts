import { expect, test, type Locator, type Page } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TodayPage, TransactionsPage } from './support/pace-app';

// Split payments: a transaction split over three categories in the PWA's split editor (split
// evenly, the exact "left to assign"), the list showing one payment with its parts, and Today's
// categories each moving by their part, online and offline.

const cents = (amount: string) => Math.round(Number(amount) * 100);
const dollars = (minor: number) => `$${(minor / 100).toFixed(2)}`;

const PARTS_OF = `query { transactionsConnection(first: 50) { nodes { description categoryId amount { amount } splitId } } }`;

async function serverParts(api: PaceApi) {
  const data = await api.gql<{
    transactionsConnection: {
      nodes: { categoryId: string; amount: { amount: string }; splitId: string | null }[];
    };
  }>(PARTS_OF);
  return data.transactionsConnection.nodes
    .filter((n) => n.splitId)
    .map((n) => `${n.categoryId} ${n.amount.amount}`)
    .sort();
}

/** The split editor opened from a transaction's editor. */
class SplitEditorPanel {
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Split payment' });
  }

  static async openFrom(list: TransactionsPage, note: string): Promise<SplitEditorPanel> {
    await list
      .row(note)
      .getByRole('button', { name: `Edit ${note}` })
      .click();
    await list.page
      .getByRole('form', { name: 'Edit transaction' })
      .getByRole('button', { name: 'Split' })
      .click();
    const editor = new SplitEditorPanel(list.page);
    await expect(editor.form).toBeVisible();
    return editor;
  }

  left(): Locator {
    return this.form.getByTestId('split-left');
  }

  async category(part: number, categoryId: string) {
    await this.form.getByLabel(`Category of part ${part}`).selectOption(categoryId);
  }

  amount(part: number): Locator {
    return this.form.getByLabel(`Amount of part ${part}`);
  }
}

test('split a payment over three categories in the PWA, online and offline; Today moves by each part', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'splits');
  // Three categories with room today, so each part lowers what is left by exactly its amount.
  const start = await api.dashboardToday();
  const { budgetCategories } = await api.gql<{
    budgetCategories: { categoryId: string; priority: string; behaviour: string }[];
  }>(`{ budgetCategories { categoryId priority behaviour } }`);
  // Today lists the categories a person spends from day to day (not bills, savings or Flex).
  const everyday = new Set(
    budgetCategories
      .filter((c) => ['PROTECTED', 'FLEXIBLE', 'DISCRETIONARY'].includes(c.priority))
      .filter((c) => c.behaviour !== 'FIXED')
      .map((c) => c.categoryId),
  );
  const roomy = (start.dashboard.todayBudget?.categories ?? [])
    .filter((c) => everyday.has(c.categoryId) && cents(c.remaining.amount) >= 1000)
    .map((c) => c.categoryId);
  expect(roomy.length, 'three categories with room today').toBeGreaterThanOrEqual(3);
  const [first, second, third] = roomy as [string, string, string];
  await api.createExpense({ amount: '10.00', categoryId: first, description: 'Market run' });
  await api.createExpense({ amount: '6.00', categoryId: second, description: 'Lunch' });

  const leftOf = async () => {
    const today = await api.dashboardToday();
    return Object.fromEntries(
      (today.dashboard.todayBudget?.categories ?? []).map((c) => [
        c.categoryId,
        cents(c.remaining.amount),
      ]),
    );
  };
  const before = await leftOf();

  await signInContext(context, api);
  const today = new TodayPage(page);
  await today.open();
  for (const id of [first, second, third])
    await expect(today.category(id)).toContainText(`${dollars(before[id] ?? 0)} left`);

  // Online: 10.00 split evenly over three categories is 3.33 + 3.33 + 3.34, nothing left over.
  const list = new TransactionsPage(page);
  await list.open();
  const editor = await SplitEditorPanel.openFrom(list, 'Market run');
  await expect(editor.amount(1)).toHaveValue('10.00');
  await expect(editor.left()).toHaveText('Everything is assigned');
  await editor.amount(1).fill('4.00');
  await expect(editor.left()).toHaveText('Left to assign: $6.00');
  await editor.form.getByRole('button', { name: 'Add a part' }).click();
  // The new row's category has the focus: the keyboard carries on there.
  await expect(editor.form.getByLabel('Category of part 3')).toBeFocused();
  await editor.category(2, second);
  await editor.category(3, third);
  await editor.amount(2).fill('9.00');
  await expect(editor.left()).toHaveText('Over the total by $3.00');
  await editor.form.getByRole('button', { name: 'Split evenly' }).click();
  await expect(editor.amount(1)).toHaveValue('3.33');
  await expect(editor.amount(2)).toHaveValue('3.33');
  await expect(editor.amount(3)).toHaveValue('3.34');
  await expect(editor.left()).toHaveText('Everything is assigned');
  await editor.form.getByRole('button', { name: 'Save split' }).click();

  const split = page.getByTestId('split-row');
  await expect(split).toHaveCount(1);
  await expect(split).toContainText('Split into 3 categories');
  await expect(split).toContainText('-$10.00');
  await expect(split.getByTestId('split-part-line')).toHaveCount(3);
  await expect(list.row('Market run')).toHaveCount(0);
  await expect(split.getByText('Pending')).toHaveCount(0);
  await expect
    .poll(() => serverParts(api))
    .toEqual([`${first} 3.33`, `${second} 3.33`, `${third} 3.34`].sort());

  const afterOnline = await leftOf();
  expect(afterOnline[first]).toBe((before[first] ?? 0) + 1000 - 333);
  expect(afterOnline[second]).toBe((before[second] ?? 0) - 333);
  expect(afterOnline[third]).toBe((before[third] ?? 0) - 334);
  await today.open();
  for (const id of [first, second, third])
    await expect(today.category(id)).toContainText(`${dollars(afterOnline[id] ?? 0)} left`);

  // Offline, after a cold reload: split the 6.00 lunch in two; Today moves at once.
  await list.open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(list.row('Lunch')).toBeVisible();
  const offline = await SplitEditorPanel.openFrom(list, 'Lunch');
  await offline.category(2, third);
  await offline.form.getByRole('button', { name: 'Split evenly' }).click();
  await expect(offline.amount(2)).toHaveValue('3.00');
  await offline.form.getByRole('button', { name: 'Save split' }).click();
  await expect(page.getByTestId('split-row')).toHaveCount(2);
  await expect(page.getByTestId('split-row').filter({ hasText: 'Pending' })).toHaveCount(1);

  await today.open();
  await expect(today.category(second)).toContainText(
    `${dollars((afterOnline[second] ?? 0) + 300)} left`,
  );
  await expect(today.category(third)).toContainText(
    `${dollars((afterOnline[third] ?? 0) - 300)} left`,
  );

  // Back online: the outbox sends the split once, and the server's figures match the device's.
  await context.setOffline(false);
  await expect
    .poll(() => serverParts(api), { timeout: 30_000 })
    .toEqual(
      [
        `${first} 3.33`,
        `${second} 3.33`,
        `${third} 3.34`,
        `${second} 3.00`,
        `${third} 3.00`,
      ].sort(),
    );
  const afterOffline = await leftOf();
  expect(afterOffline[second]).toBe((afterOnline[second] ?? 0) + 300);
  expect(afterOffline[third]).toBe((afterOnline[third] ?? 0) - 300);
});
