import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Categorisation rules: one made in a tap after recategorising a transaction categorises the next
// one; one made on the Rules screen is previewed against the past, then applied; the order moves
// with the keyboard.

const CREATE = `mutation ($input: CreateTransactionInput!) {
  createTransaction(input: $input) { transaction { id categoryId } } }`;

test('a rule from an edit and a previewed rule from the Rules screen', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'rules');
  const create = async (input: Record<string, unknown>) =>
    (
      await api.gql<{ createTransaction: { transaction: { id: string; categoryId: string } } }>(
        CREATE,
        { input },
      )
    ).createTransaction.transaction;
  expect((await create({ amount: '18.00', description: 'Luigi 12' })).categoryId).toBe('flex');
  await create({ amount: '12.00', description: 'Bowling Lane 5' });
  await create({ amount: '14.00', description: 'bowling lane night' });
  // The merchant dictionary already knows the big names.
  expect((await create({ amount: '4.20', description: 'latte at starbucks' })).categoryId).toBe(
    'coffee',
  );

  await signInContext(context, api);
  await page.goto(SCREENS.transactions);
  await page.getByRole('button', { name: 'Edit Luigi 12' }).click();
  const editor = page.getByRole('form', { name: 'Edit transaction' });
  await editor.getByLabel('Category').selectOption({ label: 'Dining out' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Always put “luigi” in Dining out?')).toBeVisible();
  await page.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByText('Rule created: “luigi” → Dining out.')).toBeVisible();
  // The rule is saved on the device first and sent from its outbox: once the server has it, the
  // next transaction without a category follows it.
  await expect
    .poll(async () =>
      (
        await api.gql<{ rulesConnection: { nodes: { textPattern: string }[] } }>(
          `{ rulesConnection(first: 10) { nodes { textPattern } } }`,
        )
      ).rulesConnection.nodes.map((rule) => rule.textPattern),
    )
    .toContain('luigi');
  expect((await create({ amount: '20.00', description: 'LUIGI #9' })).categoryId).toBe(
    'dining_out',
  );

  await page.getByRole('link', { name: 'Open rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Categorisation rules' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Rules in the order they are tried' });
  await expect(list).toContainText('Payee or note contains “luigi” → Dining out');

  const form = page.getByRole('region', { name: 'New rule' });
  await form.getByLabel('Payee or note').fill('bowling lane');
  await form.getByLabel('Set the category').selectOption({ label: 'Entertainment' });
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(form.getByText('2 past transactions would change.')).toBeVisible();
  await expect(form.getByRole('listitem')).toHaveCount(2);
  await expect(form.getByRole('listitem').first()).toContainText('Flex → Entertainment');
  await expectNoAxeViolations(page, 'rules');
  await form.getByRole('button', { name: 'Save and apply to 2 transactions' }).click();
  await expect(page.getByText('Rule saved and 2 transactions recategorised.')).toBeVisible();
  const bowling = (await api.transactions()).filter((t) => /bowling/i.test(t.description));
  expect(bowling.map((t) => t.categoryId)).toEqual(['entertainment', 'entertainment']);

  // Reordering by keyboard: the second rule moves to the top.
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('button', { name: 'Move rule 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Rule 1 moved.')).toBeVisible();
  await expect(list.getByRole('listitem').first()).toContainText('bowling lane');
});
