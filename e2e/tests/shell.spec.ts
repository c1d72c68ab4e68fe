import { expect, test } from '@playwright/test';

test('the PWA loads at / (sign-in for a new visitor) with its manifest and no console errors', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page).toHaveTitle(/Pace/);
  // A first visit without an account opens sign-in (the screens need one).
  await expect(page).toHaveURL(/\/sign-in\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.ok()).toBe(true);
  expect((await manifest.json()) as { name: string }).toMatchObject({
    name: expect.stringContaining('Pace'),
  });
  expect(errors).toEqual([]);
});

test('the app keeps working offline once the service worker has installed', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page).toHaveTitle(/Pace/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.setOffline(false);
});
