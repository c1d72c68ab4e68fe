import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

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

test('offline, a page this device never saved shows the offline page, not the browser’s error', async ({
  page,
  context,
  request,
}) => {
  await signInContext(context, await PaceApi.createPlannedAccount(request, 'offline-page'));
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await context.setOffline(true);
  await page.goto('/nowhere/');
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
  await context.setOffline(false);
});

test('the browser’s install offer becomes an “Install Pace” button, and “not now” is kept', async ({
  page,
}) => {
  await page.goto('/sign-in/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const offer = () =>
    page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => {
          (window as unknown as { prompted: boolean }).prompted = true;
          return Promise.resolve();
        },
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  // The sign-in page is static: the offer is taken once the app has hydrated.
  await expect.poll(offer).toBe(true);
  await page.getByRole('button', { name: 'Install Pace' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted))
    .toBe(true);
  await expect(page.getByRole('button', { name: 'Install Pace' })).toHaveCount(0);

  await offer();
  await page.getByRole('button', { name: 'Not now' }).click();
  // After a reload (and once the app has run its effects: it asks how sign-in works here)
  // the offer is left to the browser.
  await Promise.all([
    page.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('signInOptions'),
    ),
    page.reload(),
  ]);
  expect(await offer()).toBe(false);
  await expect(page.getByRole('button', { name: 'Install Pace' })).toHaveCount(0);
});
