import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { signInContext, TransactionsPage } from './support/pace-app';

// Tag management: rename a tag offline (merging into one that exists), see it reach the server
// and a second device once back online; delete a tag with its confirmation, by keyboard.

const TAGS_OF = `query { transactionsConnection(first: 50) { nodes { description tags } } }`;

async function serverTags(api: PaceApi): Promise<Record<string, string[]>> {
  const data = await api.gql<{
    transactionsConnection: { nodes: { description: string; tags: string[] }[] };
  }>(TAGS_OF);
  return Object.fromEntries(data.transactionsConnection.nodes.map((n) => [n.description, n.tags]));
}

/** The Tags screen. */
class TagsPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('tag-row');
  }

  async expectOpen() {
    await expect(this.page.getByRole('heading', { name: 'Tags', level: 1 })).toBeVisible();
  }

  /** Each row as "#tag · count", in the screen's order. */
  async expectTags(expected: string[]) {
    await expect(this.rows.locator('span:nth-child(-n+2)')).toHaveText(
      expected.flatMap((line) => line.split(' · ')),
    );
  }
}

test('rename a tag offline, a second device sees it; delete a tag', async ({
  page,
  context,
  browser,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'tags-manage');
  for (const input of [
    { amount: '4.50', categoryId: 'coffee', description: 'Flat white', tags: ['trip', 'coffee'] },
    { amount: '95.00', categoryId: 'flex', description: 'Hotel night', tags: ['Travel', 'trip'] },
    { amount: '3.20', categoryId: 'groceries', description: 'Bread', tags: ['work'] },
  ])
    await api.gql(
      `mutation ($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
      { input },
    );

  // The second device signs in with its own session, and shows the tags as they are.
  const { me } = await api.gql<{ me: { email: string } }>('{ me { email } }');
  const other = await PaceApi.gql<{ login: { accessToken: string; refreshToken: string } }>(
    request,
    `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }`,
    { e: me.email, p: 'correct horse battery staple 42' },
  );
  const second = await browser.newContext();
  await signInContext(second, other.login);
  const secondPage = await second.newPage();
  const secondTags = new TagsPage(secondPage);
  await secondPage.goto('/settings/');
  await secondPage.getByRole('link', { name: 'Manage tags' }).click();
  await secondTags.expectOpen();
  await secondTags.expectTags([
    '#trip · 2 transactions',
    '#coffee · 1 transaction',
    '#travel · 1 transaction',
    '#work · 1 transaction',
  ]);

  // The first device reaches the screen from the tag filter of the transactions screen.
  await signInContext(context, api);
  const list = new TransactionsPage(page);
  await list.open();
  await expect(list.rows).toHaveCount(3);
  await page.getByText('More filters').click();
  await page.getByRole('link', { name: 'Manage tags' }).click();
  const tags = new TagsPage(page);
  await tags.expectOpen();
  await expect(tags.rows).toHaveCount(4);
  await expectNoAxeViolations(page, 'tags');

  // Offline: rename trip to Travel by keyboard; travel exists, so the two merge on the device.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Rename tag trip' }).focus();
  await page.keyboard.press('Enter');
  const name = page.getByLabel('New name for #trip');
  await expect(name).toBeFocused();
  await name.fill('#Travel');
  await expect(page.getByText('#travel already exists (1 transaction)')).toBeVisible();
  await expectNoAxeViolations(page, 'tags, renaming');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: '#trip is now #travel on 2 transactions.' }),
  ).toBeVisible();
  await tags.expectTags([
    '#travel · 2 transactions',
    '#coffee · 1 transaction',
    '#work · 1 transaction',
  ]);
  await expect(page.getByTestId('sync-status')).toContainText(/offline/i);
  expect((await serverTags(api))['Hotel night']).toEqual(['travel', 'trip']);

  // Back online, the rename reaches the server, then the second device on its next sync.
  await context.setOffline(false);
  await expect
    .poll(() => serverTags(api))
    .toEqual({ 'Flat white': ['travel', 'coffee'], 'Hotel night': ['travel'], Bread: ['work'] });
  await secondPage.reload();
  await secondTags.expectOpen();
  await secondTags.expectTags([
    '#travel · 2 transactions',
    '#coffee · 1 transaction',
    '#work · 1 transaction',
  ]);

  // Delete: Escape backs out of the confirmation; confirming removes the tag, the transaction stays.
  await page.getByRole('button', { name: 'Delete tag work' }).click();
  const question = page.getByText('Remove #work from 1 transaction? The transactions stay.');
  await expect(question).toBeVisible();
  await expectNoAxeViolations(page, 'tags, deleting');
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete tag work' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Remove tag' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '#work removed from 1 transaction.' }),
  ).toBeVisible();
  await tags.expectTags(['#travel · 2 transactions', '#coffee · 1 transaction']);
  await expect
    .poll(() => serverTags(api))
    .toEqual({ 'Flat white': ['travel', 'coffee'], 'Hotel night': ['travel'], Bread: [] });

  // With every tag gone the screen says so; the transactions are all still there.
  for (const tag of ['travel', 'coffee']) {
    await page.getByRole('button', { name: `Delete tag ${tag}` }).click();
    await page.getByRole('button', { name: 'Remove tag' }).click();
  }
  await expect(page.getByTestId('tags-empty')).toContainText('No tags yet');
  await expect
    .poll(() => serverTags(api))
    .toEqual({ 'Flat white': [], 'Hotel night': [], Bread: [] });
  await second.close();
});
