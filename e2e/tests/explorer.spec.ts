import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PASSWORD } from './support/auth-ui';
import { PaceApi } from './support/pace-api';

// The GraphQL explorer, the integrators' front door: served whole by Pace (nothing from elsewhere,
// under 1 MB), its first tab walks from sign-in to a personal access token, and its docs panel shows
// the scopes each operation needs.

/** Refuses anything not served by Pace itself, as on a machine without internet. */
async function offline(page: Page, origin: string): Promise<string[]> {
  const outside: string[] = [];
  await page.route(
    (url) =>
      url.origin !== origin && !url.protocol.startsWith('blob') && !url.protocol.startsWith('data'),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  return outside;
}

test('the GraphQL explorer works with no internet access, small and under its own CSP', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const outside = await offline(page, origin);
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  const responses: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    responses.push(request.sizes().then((sizes) => sizes.responseBodySize)),
  );
  const started = Date.now();
  const main = await page.goto('/graphql', { waitUntil: 'load' });
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  const readyMs = Date.now() - started;
  expect(main?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page).toHaveTitle('Pace API explorer');

  // The first tab explains how to get a token and runs without one: every scope and what it allows.
  await expect(page.getByRole('button', { name: 'Get a token', pressed: true })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Query' });
  await expect(editor).toHaveValue(/login\(email:/);
  await expect(editor).toHaveValue(/issuePersonalAccessToken/);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Response')).toContainText('"name": "read:profile"');
  // The headers editor is there for an Authorization header.
  await expect(page.getByRole('tab', { name: 'Headers' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Headers (JSON)' })).toHaveValue(/Authorization/);

  // Compressed bytes of everything the page loaded (the browser asks for br or gzip).
  const bytes = (await Promise.all(responses)).reduce((sum, size) => sum + size, 0);
  test.info().annotations.push({
    type: 'explorer',
    description: `${bytes} bytes transferred (compressed), interactive in ${readyMs} ms`,
  });
  console.log(`explorer: ${bytes} bytes compressed, interactive in ${readyMs} ms`);
  expect(bytes).toBeLessThan(1024 * 1024);
  expect(outside).toEqual([]);
  expect(refused).toEqual([]);
  await expectNoAxeViolations(page, 'explorer');
});

test('the docs panel shows each operation’s description with its scopes', async ({
  page,
  baseURL,
}) => {
  const outside = await offline(page, new URL(baseURL ?? '').origin);
  await page.goto('/graphql');
  await page.getByRole('button', { name: 'Docs', exact: true }).click();
  const docs = page.getByRole('complementary', { name: 'Documentation' });
  await expect(docs.getByRole('heading', { name: 'Mutations' })).toBeVisible();
  await docs.getByRole('link', { name: 'issuePersonalAccessToken', exact: true }).click();
  await expect(docs).toContainText('Needs the scope write:profile');
  await expect(docs.locator('code', { hasText: 'write:profile' })).toBeVisible();
  // Arguments and types lead on through the schema; search finds any field.
  await docs.getByRole('link', { name: 'CreatePersonalAccessTokenInput' }).click();
  await expect(docs).toContainText('expiresInDays');
  await docs.getByRole('searchbox', { name: 'Search the schema' }).fill('transactions');
  await docs.getByRole('link', { name: 'transactions', exact: true }).first().click();
  await expect(docs).toContainText('Needs the scope read:transactions');
  expect(outside).toEqual([]);
});

test('from sign-in to a personal access token in the explorer', async ({ page, request }) => {
  const email = `explorer-${Date.now()}@example.com`;
  await PaceApi.gql(
    request,
    `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
    {
      input: {
        email,
        password: PASSWORD,
        name: 'Integrator',
        country: 'US',
        currency: 'USD',
        locale: 'en',
        timeZone: 'UTC',
      },
    },
  );
  await page.goto('/graphql');
  const editor = page.getByRole('textbox', { name: 'Query' });
  const example = await editor.inputValue();
  await editor.fill(
    example.replace('you@example.com', email).replace('"your password"', JSON.stringify(PASSWORD)),
  );
  const operation = page.getByRole('combobox', { name: 'Operation to run' });
  await operation.selectOption('SignIn');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Response')).toContainText('"accessToken"');
  await page.getByRole('button', { name: 'Use this token' }).click();
  await expect(page.getByRole('textbox', { name: 'Headers (JSON)' })).toHaveValue(/Bearer ey/);

  await operation.selectOption('CreateToken');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByLabel('Response')).toContainText('"token": "pace_pat_');
  await expect(page.getByLabel('Response')).toContainText('"read:transactions"');
  // Subscriptions go over graphql-ws with the same Authorization header.
  await page.getByRole('button', { name: 'New tab' }).click();
  await page
    .getByRole('textbox', { name: 'Query' })
    .fill('subscription Live {\n  notificationAdded {\n    id\n    type\n  }\n}\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByText('Subscribed: waiting for events…')).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Subscription ended')).toBeVisible();
  // What was run is in the history, and the tabs and headers outlive a reload.
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'History' })).toContainText('CreateToken');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Headers (JSON)' })).toHaveValue(/Bearer ey/);
  await expect(page.getByRole('button', { name: 'Live', pressed: true })).toBeVisible();
  await page.getByRole('button', { name: 'Get a token', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue(new RegExp(email));
});
