import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/accessibility';
import { PaceApi } from './support/pace-api';
import { SCREENS, signInContext } from './support/pace-app';

// Receipts: a real scanned receipt uploaded in the PWA is read on the server, checked by the
// person and booked once; refused files say why in words; offline, the device reads it itself.

const RECEIPTS_DIR = path.resolve(import.meta.dirname, '../../../shared/data/receipts/sroie-dev');
const RECEIPT = path.join(RECEIPTS_DIR, '002.jpg');
const RECEIPTS_URL = '/receipts/';

const todayIso = () => new Date().toISOString().slice(0, 10);

const serverReceipts = (api: PaceApi) =>
  api.gql<{ receipts: { edges: { node: { status: string; transactionId: string | null } }[] } }>(
    `{ receipts(first: 10) { edges { node { status transactionId } } } }`,
  );

async function openReceipts(page: Page) {
  await page.goto(SCREENS.today);
  await page.getByRole('link', { name: 'Open receipts' }).click();
  await expect(page.getByRole('heading', { name: 'Receipts', level: 1 })).toBeVisible();
}

/** The review form's fields as the person sees them. */
function review(page: Page) {
  const form = page.getByRole('form', { name: 'Check the receipt' });
  return {
    form,
    merchant: form.getByLabel('Shop'),
    date: form.getByLabel('Date'),
    amount: form.getByLabel('Total'),
    currency: form.getByLabel('Currency'),
    category: form.getByLabel('Category'),
  };
}

test('receipts: a photo uploaded in the PWA is read, reviewed, confirmed once and shows in Today', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  const api = await PaceApi.createPlannedAccount(request, 'receipts');
  await signInContext(context, api);
  await openReceipts(page);
  await expect(page.getByTestId('receipts-empty')).toHaveText(
    'No receipts yet. Your scanned receipts appear here.',
  );
  await expectNoAxeViolations(page, 'receipts');

  await page.getByTestId('receipt-file').setInputFiles(RECEIPT);
  const fields = review(page);
  await expect(fields.form).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'The receipt photo' })).toBeVisible();
  // The server read the printed total of this receipt (SOUP & PORRIDGE, 20.70).
  await expect(fields.amount).toHaveValue('20.70');
  await expect(fields.merchant).not.toHaveValue('');
  await expectNoAxeViolations(page, 'receipt review');

  // The person's corrections: booked today, in the budget's currency, on a category of the plan.
  const merchant = 'Soup & Porridge';
  await fields.merchant.fill(merchant);
  await fields.date.fill(todayIso());
  await fields.currency.fill('USD');
  await fields.category.selectOption({ index: 1 });
  await fields.form.getByRole('button', { name: 'Confirm expense' }).click();
  await expect(page.getByTestId('receipt-notice')).toContainText(
    `Booked $20.70 at ${merchant}. It is in Today.`,
  );
  const row = page.getByTestId('receipt-row').filter({ hasText: merchant });
  await expect(row).toContainText('Booked');

  const booked = (await api.transactions()).filter((t) => t.amount.amount === '20.70');
  expect(booked).toHaveLength(1);
  const receipts = (await serverReceipts(api)).receipts.edges.map((e) => e.node);
  expect(receipts).toEqual([{ status: 'CONFIRMED', transactionId: booked[0]?.id }]);

  await page.getByTestId('receipt-notice').getByRole('link', { name: 'Go to Today' }).click();
  const recent = page.getByTestId('recent-transactions');
  await expect(recent.getByRole('listitem').filter({ hasText: merchant })).toContainText('-$20.70');
});

test('receipts: a file too large, not an image, or not really a JPEG is refused in words', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'receipts-errors');
  await signInContext(context, api);
  await page.goto(RECEIPTS_URL);
  const input = page.getByTestId('receipt-file');
  const error = page.getByTestId('receipt-error');

  await input.setInputFiles({
    name: 'huge.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.alloc(11 * 1024 * 1024, 0xff),
  });
  await expect(error).toHaveText(
    'This photo is larger than 10 MB. Take it at a lower resolution or choose a smaller file.',
  );

  await input.setInputFiles({
    name: 'animation.gif',
    mimeType: 'image/gif',
    buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary'),
  });
  await expect(error).toHaveText(
    'This file is not a photo Pace can read. Use a JPEG, PNG, WebP or HEIC image.',
  );

  // Labelled a JPEG, but random bytes: the server's content sniffing refuses it.
  await input.setInputFiles({
    name: 'fake.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
  });
  await expect(page.getByTestId('receipt-progress')).toHaveCount(0);
  await expect(error).toHaveText(
    'This file is not a photo Pace can read. Use a JPEG, PNG, WebP or HEIC image.',
  );
  expect((await serverReceipts(api)).receipts.edges).toEqual([]);
  await expect(page.getByTestId('receipts-empty')).toBeVisible();
  await expectNoAxeViolations(page, 'receipts with an error');
});

test('receipts offline: the device reads the photo itself, books it, and uploads the photo once back online', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(180_000);
  const api = await PaceApi.createPlannedAccount(request, 'receipts-offline');
  await signInContext(context, api);
  await page.goto(RECEIPTS_URL);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Controlled by the service worker now: the screen warms the reader's files into its cache.
  await page.reload();
  await expect
    .poll(
      () => page.evaluate(async () => (await (await caches.open('pace-ocr-v7')).keys()).length),
      { timeout: 60_000 },
    )
    .toBe(3);

  await context.setOffline(true);
  await page.getByTestId('receipt-file').setInputFiles({
    name: 'receipt.jpg',
    mimeType: 'image/jpeg',
    buffer: readFileSync(RECEIPT),
  });
  const fields = review(page);
  await expect(fields.form).toBeVisible({ timeout: 90_000 });
  await expect(fields.form).toContainText('Read on this device while offline.');
  const merchant = 'Porridge offline';
  await fields.merchant.fill(merchant);
  await fields.date.fill(todayIso());
  await fields.amount.fill('20.70');
  await fields.currency.fill('USD');
  await fields.category.selectOption({ index: 1 });
  await fields.form.getByRole('button', { name: 'Confirm expense' }).click();
  await expect(page.getByTestId('receipt-notice')).toContainText(
    `Booked $20.70 at ${merchant} on this device.`,
  );
  await expect(page.getByTestId('receipt-row').filter({ hasText: merchant })).toContainText(
    'Photo waits for upload',
  );
  // Booked through the outbox: Today shows it at once, before any sync.
  await page.getByTestId('receipt-notice').getByRole('link', { name: 'Go to Today' }).click();
  await expect(
    page.getByTestId('recent-transactions').getByRole('listitem').filter({ hasText: merchant }),
  ).toContainText('-$20.70');

  // Back online: Today's way in to receipts uploads the waiting photo, sync sends the expense.
  await context.setOffline(false);
  await expect
    .poll(
      async () => (await api.transactions()).filter((t) => t.amount.amount === '20.70').length,
      {
        timeout: 30_000,
      },
    )
    .toBe(1);
  // The photo went up naming the expense booked offline: the server linked the receipt to it.
  const booked = (await api.transactions()).filter((t) => t.amount.amount === '20.70');
  await expect
    .poll(async () => (await serverReceipts(api)).receipts.edges.map((e) => e.node), {
      timeout: 30_000,
    })
    .toEqual([{ status: 'CONFIRMED', transactionId: booked[0]?.id }]);
  await page.getByRole('link', { name: 'Open receipts' }).click();
  await expect(
    page.getByTestId('receipt-row').filter({ hasText: merchant }).filter({ hasText: 'Booked' }),
  ).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByText('Photo waits for upload')).toHaveCount(0);
  // Booked once: the uploaded receipt is not offered for confirming again.
  await expect(page.getByRole('button', { name: 'Review' })).toHaveCount(0);
  expect((await api.transactions()).filter((t) => t.amount.amount === '20.70')).toHaveLength(1);
});
