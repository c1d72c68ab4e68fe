import { expect, test } from '@playwright/test';

test('the GraphQL explorer works with no internet access', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const outside: string[] = [];
  // Anything not served by Pace itself is refused, as on a machine without internet.
  await page.route(
    (url) =>
      url.origin !== origin && !url.protocol.startsWith('blob') && !url.protocol.startsWith('data'),
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  await page.goto('/graphql', { waitUntil: 'load' });
  await expect(page).toHaveTitle('Pace API explorer');
  const run = page.locator('.graphiql-execute-button');
  await expect(run).toBeVisible();
  await run.click();
  // The first tab runs without a token: every scope and what it allows.
  await expect(page.locator('.graphiql-response')).toContainText('"name": "read:profile"');
  await expect(page.locator('.graphiql-editor').first()).toContainText('createPersonalAccessToken');
  // The headers editor is there for an Authorization header.
  await expect(page.getByText('Headers', { exact: true }).first()).toBeVisible();
  expect(outside).toEqual([]);
});
