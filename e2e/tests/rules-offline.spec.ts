import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

// Rules are local-first (docs/rules.md, "Sync and offline"): one made offline is on the device at
// once and after a reload, reaches the server when the device is back online, shows on another
// device of the same account, and categorises the next transaction with a matching payee.

const RULES_SCREEN = '/rules/';
const RULES = `{ rulesConnection(first: 50) { edges { node { id textPattern setCategoryId } } } }`;
const CREATE = `mutation ($input: CreateTransactionInput!) {
  createTransaction(input: $input) { transaction { id categoryId } } }`;

test('a rule made offline survives a reload, syncs, shows on another device and categorises', async ({
  page,
  context,
  browser,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'rules-offline');
  await signInContext(context, api);
  await page.goto(RULES_SCREEN);
  await expect(page.getByRole('heading', { level: 1, name: 'Categorisation rules' })).toBeVisible();
  const form = page.getByRole('region', { name: 'New rule' });
  await expect(form.getByLabel('Payee or note')).toBeVisible();
  // The service worker must control the page for a cold reload offline.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(form.getByLabel('Payee or note')).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByTestId('rules-offline')).toContainText(
    'Preview and applying a rule to past transactions need a connection.',
  );
  await form.getByLabel('Payee or note').fill('corner bakery');
  await form.getByLabel('Set the category').selectOption({ label: 'Dining out' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByText('Rule saved.')).toBeVisible();
  const list = page.getByRole('list', { name: 'Rules in the order they are tried' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Payee or note contains “corner bakery” → Dining out');
  await expect(list).toContainText('Not sent yet');

  // A cold load offline: the screen from the precache, the rule from IndexedDB.
  await page.reload();
  await expect(list).toContainText('Payee or note contains “corner bakery” → Dining out');
  await expect(list).toContainText('Not sent yet');
  const rulesOnServer = async () =>
    (
      await api.gql<{
        rulesConnection: {
          edges: { node: { id: string; textPattern: string; setCategoryId: string } }[];
        };
      }>(RULES)
    ).rulesConnection.edges.map((e) => e.node);
  expect(await rulesOnServer()).toEqual([]);

  await context.setOffline(false);
  await expect
    .poll(async () => (await rulesOnServer()).map((r) => [r.textPattern, r.setCategoryId]))
    .toEqual([['corner bakery', 'dining_out']]);
  await expect(list).not.toContainText('Not sent yet');
  await expect(page.getByTestId('rules-offline')).toHaveCount(0);

  // Another device of the same account pulls it.
  const second = await browser.newContext();
  await signInContext(second, api);
  const laptop = await second.newPage();
  await laptop.goto(RULES_SCREEN);
  await expect(
    laptop.getByRole('list', { name: 'Rules in the order they are tried' }),
  ).toContainText('Payee or note contains “corner bakery” → Dining out');
  await second.close();

  // The next transaction written without a category follows it.
  const written = await api.gql<{ createTransaction: { transaction: { categoryId: string } } }>(
    CREATE,
    { input: { amount: '6.40', description: 'Corner Bakery #12' } },
  );
  expect(written.createTransaction.transaction.categoryId).toBe('dining_out');
});

test('a rule edited offline while another device changed it shows the conflict; keeping mine sends it', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'rules-conflict');
  const { createRule } = await api.gql<{ createRule: { rule: { id: string; version: number } } }>(
    `mutation ($input: CreateRuleInput!) { createRule(input: $input) { rule { id version } } }`,
    { input: { textPattern: 'pizza', setCategoryId: 'dining_out' } },
  );
  await signInContext(context, api);
  await page.goto(RULES_SCREEN);
  const list = page.getByRole('list', { name: 'Rules in the order they are tried' });
  await expect(list).toContainText('Payee or note contains “pizza” → Dining out');

  await context.setOffline(true);
  await expect(page.getByTestId('rules-offline')).toBeVisible();
  await list.getByRole('button', { name: 'Edit rule 1' }).click();
  await list.getByLabel('Set the category').selectOption({ label: 'Delivery' });
  await list.getByRole('button', { name: 'Save rule' }).click();
  await expect(list).toContainText('Payee or note contains “pizza” → Delivery');
  await expect(list).toContainText('Not sent yet');

  // Meanwhile another device moves the rule to Entertainment.
  await api.gql(`mutation ($input: UpdateRuleInput!) { updateRule(input: $input) { conflict } }`, {
    input: {
      id: createRule.rule.id,
      baseVersion: createRule.rule.version,
      textPattern: 'pizza',
      setCategoryId: 'entertainment',
    },
  });
  const categoryOnServer = async () =>
    (
      await api.gql<{ rule: { setCategoryId: string } }>(
        `query ($id: ID!) { rule(id: $id) { setCategoryId } }`,
        { id: createRule.rule.id },
      )
    ).rule.setCategoryId;

  await context.setOffline(false);
  const conflict = page.getByTestId('sync-conflict');
  await expect(conflict).toContainText('Payee or note contains “pizza” → Delivery');
  await expect(conflict).toContainText('Payee or note contains “pizza” → Entertainment');
  // Until the person chooses, the server's rule stands on both sides.
  await expect(list).toContainText('Payee or note contains “pizza” → Entertainment');
  expect(await categoryOnServer()).toBe('entertainment');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(list).toContainText('Payee or note contains “pizza” → Delivery');
  await expect.poll(categoryOnServer).toBe('delivery');
  await expect(conflict).toHaveCount(0);
});
