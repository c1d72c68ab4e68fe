import { expect, test } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { awayFromMidnight, TodayPage, signInContext } from './support/pace-app';

// The day's advice on Today. The server's side (facts only, the model, the fallback, once a day)
// is proven in server/test/advice; here: a standard account sees no card (the API refuses it
// without premium), and a premium answer is worded in the person's language and kept offline.

test('Today: no advice card without premium; premium advice is worded on the device and reads offline', async ({
  page,
  context,
  request,
}) => {
  // The advice answered below is for the date computed here, and must still be today's offline.
  await awayFromMidnight();
  const api = await PaceApi.createPlannedAccount(request, 'advice');
  await signInContext(context, api);
  const today = new TodayPage(page);
  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('DailyAdvice'),
  );
  await today.open();
  const answer = (await (await refused).json()) as { errors?: { extensions: { code: string } }[] };
  expect(answer.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  await expect(page.getByTestId('advice')).toHaveCount(0);

  // The same person on the premium plan (the answer the API gives a premium token).
  const todayDate = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  await page.route('**/graphql', async (route) => {
    if (!(route.request().postData() ?? '').includes('DailyAdvice')) return route.fallback();
    await route.fulfill({
      json: {
        data: {
          advice: {
            on: todayDate,
            source: 'RULES',
            summary: 'Day 5 of 31.',
            items: [
              {
                kind: 'WARNING',
                code: 'CATEGORY_FAST',
                title: 'Groceries is running 1.8× faster than planned',
                body: 'Keeping it to 4.20 USD a day ends the month on plan.',
                categoryId: 'groceries',
                params: [
                  { name: 'category', value: 'Groceries' },
                  { name: 'ratio', value: '1.8' },
                  { name: 'perDay', value: '4.20 USD' },
                  { name: 'runOutOn', value: '' },
                ],
              },
              {
                kind: 'PRAISE',
                code: 'HABIT_STREAK',
                title: 'A habit streak of 9',
                body: '…',
                categoryId: null,
                params: [{ name: 'count', value: '9' }],
              },
            ],
          },
        },
      },
    });
  });
  await page.reload();
  const card = page.getByTestId('advice');
  await expect(card.getByRole('heading', { name: "Today's advice" })).toBeVisible();
  await expect(card).toContainText('Warning: Groceries is running 1.8× faster than planned');
  await expect(card).toContainText('Keeping it to $4.20 a day ends the month on plan.');
  await expect(card).toContainText('Well done: A habit streak of 9');
  await expect(card).toContainText("Written from your figures by Pace's rules.");

  // Kept on the device: offline, the day's advice still reads.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.unroute('**/graphql');
  await context.setOffline(true);
  await page.reload();
  await expect(card).toContainText('Groceries is running 1.8× faster than planned');
});
