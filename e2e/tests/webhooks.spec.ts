import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { signInContext } from './support/pace-app';

// Settings → Webhooks against the real API: an endpoint added with its events, its secret shown
// once, a test event delivered to a local receiver and listed, the endpoint deleted.
// The server runs with WEBHOOKS_ALLOW_PRIVATE_TARGETS=true (playwright.config.ts) so a receiver on
// 127.0.0.1 is allowed; run alone with PACE_E2E_PORT=4354.

let receiver: Server;
let receiverUrl = '';
const received: Array<{ headers: Record<string, unknown>; body: string }> = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      // A slow receiver: the attempt is recorded only after this pause, so the PWA first lists the
      // test event as pending and must read the list again to show its outcome.
      setTimeout(() => {
        res.writeHead(204);
        res.end();
      }, 4000);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

test.afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

async function openWebhooks(page: Page) {
  await page.goto('/settings/');
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
}

test('a webhook endpoint is added, shows its secret once, receives a test event and is deleted', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'webhooks');
  await signInContext(context, api);
  await openWebhooks(page);

  const form = page.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Endpoint URL (https)').fill(receiverUrl);
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByText('Choose at least one event.')).toBeVisible();
  await form.getByRole('checkbox', { name: 'Transaction added' }).check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = (await page.getByTestId('new-webhook-secret').innerText()).trim();
  expect(secret).toMatch(/^whsec_/);

  const list = page.getByRole('list', { name: 'Your webhook endpoints' });
  await expect(list.getByText(receiverUrl)).toBeVisible();
  await list.getByRole('button', { name: 'Send test' }).click();
  // "Send test" opens the deliveries with the test listed as pending; the list reads itself again
  // while a delivery is pending, so its outcome shows without closing and reopening it.
  await expect(list.getByRole('button', { name: 'Deliveries' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const deliveries = page.getByRole('list', { name: 'Recent deliveries' });
  await expect(deliveries).toContainText('webhook.test · Pending');
  await expect
    .poll(() => received.some((r) => r.headers['pace-event-type'] === 'webhook.test'))
    .toBe(true);
  await expect(deliveries).toContainText('webhook.test · Delivered', { timeout: 30_000 });

  await page.reload();
  await expect(page.getByTestId('new-webhook-secret')).toHaveCount(0);
  await page.getByRole('button', { name: `Delete endpoint ${receiverUrl}` }).click();
  await expect(page.getByText('No webhook endpoints.')).toBeVisible();
});
