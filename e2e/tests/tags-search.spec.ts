import { expect, test, type Locator, type Page } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext, TransactionsPage } from './support/pace-app';

// Tags and search on the transactions screen: tag a transaction in the editor (with
// autocomplete), find it by tag and by payee, and do the same offline, from the device's copy.

const TAGS_OF = `query { transactionsConnection(first: 50) { nodes { description tags } } }`;

async function serverTags(api: PaceApi): Promise<Record<string, string[]>> {
  const data = await api.gql<{
    transactionsConnection: { nodes: { description: string; tags: string[] }[] };
  }>(TAGS_OF);
  return Object.fromEntries(data.transactionsConnection.nodes.map((n) => [n.description, n.tags]));
}

/** The search panel of the transactions screen. */
class SearchPanel {
  readonly panel: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByRole('search', { name: 'Search and filters' });
  }

  async openMore() {
    const more = this.panel.locator('details');
    if (!(await more.evaluate((el) => (el as HTMLDetailsElement).open)))
      await this.panel.getByText('More filters').click();
  }

  async addTag(tag: string) {
    await this.openMore();
    const input = this.panel.getByRole('combobox', { name: 'Tags' });
    await input.fill(tag);
    await input.press('Enter');
  }

  async removeTag(tag: string) {
    await this.panel.getByRole('button', { name: `Remove tag ${tag}` }).click();
  }

  async payee(text: string) {
    await this.openMore();
    await this.panel.getByLabel('Payee').fill(text);
  }
}

async function tagInEditor(list: TransactionsPage, note: string, tags: string[]) {
  await list
    .row(note)
    .getByRole('button', { name: `Edit ${note}` })
    .click();
  const form = list.page.getByRole('form', { name: 'Edit transaction' });
  const input = form.getByRole('combobox', { name: 'Tags' });
  for (const tag of tags) {
    await input.fill(tag);
    await input.press('Enter');
  }
  return form;
}

test('tag a transaction, then find it by tag and by payee, online and offline', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'tags');
  for (const input of [
    { amount: '4.50', categoryId: 'coffee', description: 'Flat white', merchant: 'Corner Café' },
    { amount: '95.00', categoryId: 'flex', description: 'Hotel night', merchant: 'Grand Hotel' },
    { amount: '3.20', categoryId: 'groceries', description: 'Bread', merchant: 'Bakery' },
  ])
    await api.gql(
      `mutation ($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
      { input },
    );
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  const search = new SearchPanel(page);
  await list.open();
  await expect(list.rows).toHaveCount(3);

  // Tag in the editor: typed spellings become the stored ones, shown as chips in the list.
  const form = await tagInEditor(list, 'Flat white', ['#Work', 'Coffee ']);
  await expect(form.getByTestId('tag-chip')).toHaveText(['work×', 'coffee×']);
  await form.getByRole('button', { name: 'Save' }).click();
  const latte = list.row('Flat white');
  await expect(latte.getByRole('button', { name: 'Show transactions tagged work' })).toBeVisible();
  await expect(
    latte.getByRole('button', { name: 'Show transactions tagged coffee' }),
  ).toBeVisible();
  await expect.poll(() => serverTags(api)).toMatchObject({ 'Flat white': ['work', 'coffee'] });

  // Search by tag, then by payee (the merchant, encrypted on the server, searched on the device).
  await search.addTag('#COFFEE');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row('Flat white')).toBeVisible();
  await search.removeTag('coffee');
  await expect(list.rows).toHaveCount(3);
  await search.payee('hotel');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row('Hotel night')).toBeVisible();
  await search.payee('');

  // Offline, after a cold reload: tagging (with the tag already used offered), and searching.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(list.rows).toHaveCount(3);
  const offlineForm = await tagInEditor(list, 'Bread', []);
  await expect(offlineForm.locator('datalist option[value="coffee"]')).toHaveCount(1);
  await expect(offlineForm.locator('datalist option[value="work"]')).toHaveCount(1);
  await offlineForm.getByRole('combobox', { name: 'Tags' }).fill('Trip');
  await offlineForm.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await offlineForm.getByRole('button', { name: 'Save' }).click();
  await expect(list.row('Bread')).toContainText('Pending');

  await search.addTag('trip');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row('Bread')).toBeVisible();
  await search.removeTag('trip');
  await search.payee('café');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row('Flat white')).toBeVisible();
  await search.payee('');
  // A chip in the list filters by its tag.
  await list
    .row('Flat white')
    .getByRole('button', { name: 'Show transactions tagged work' })
    .click();
  await expect(list.rows).toHaveCount(1);
  await search.removeTag('work');
  await expect(list.rows).toHaveCount(3);

  // Back online, the offline tag reaches the server.
  await context.setOffline(false);
  await expect
    .poll(() => serverTags(api))
    .toMatchObject({
      Bread: ['trip'],
      'Flat white': ['work', 'coffee'],
      'Hotel night': [],
    });
});
