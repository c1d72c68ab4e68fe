import { expect, test, type APIRequestContext } from '@playwright/test';
import { PaceApi } from './support/pace-api';
import { followLiveSubscriptions, signInContext } from './support/pace-app';

/** Jobs waiting or running in the API's notifications queue (its `pace_queue_jobs` metric). */
async function notificationJobsLeft(request: APIRequestContext): Promise<number> {
  const metrics = await (await request.get('/metrics')).text();
  let left = 0;
  for (const [, labels = '', value] of metrics.matchAll(/^pace_queue_jobs\{([^}]*)\} (\d+)$/gm))
    if (labels.includes('queue="notifications"') && /state="(waiting|active)"/.test(labels))
      left += Number(value);
  return left;
}

// Notifications: an overspend made on another device (the API) becomes an in-app notification
// that reaches the open app live, raises the bell's unread count, and clears when read.

test('notifications: an overspend arrives live, with the unread count, and marking it read clears it', async ({
  page,
  context,
  request,
}) => {
  const api = await PaceApi.createPlannedAccount(request, 'notifications');
  await signInContext(context, api);
  // The app subscribes to notificationAdded over its live socket once it is open.
  const live = await followLiveSubscriptions(page, request);
  await page.goto('/notifications/');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(page.getByTestId('notifications-unread')).toHaveText('Nothing unread');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('Notifications');

  // Once the API has the subscription, the event below must come live (not from the catch-up
  // read a reconnection does).
  await live.registered('LiveNotificationAdded');

  // Another device spends far beyond today's dining-out budget and the large-expense threshold.
  await api.createExpense({ amount: '400.00', categoryId: 'dining_out' });

  const items = page.getByTestId('notification-item');
  await expect(items.filter({ hasText: 'Large expense' })).toBeVisible();
  await expect(items.filter({ hasText: /of today’s budget/ }).first()).toBeVisible();
  // That write raises several notifications, each a queued job arriving on its own: count them
  // once every job has run and the badge shows what the server counts.
  const unreadOnServer = async () =>
    (
      await api.gql<{ notifications: { unreadCount: number } }>(
        '{ notifications(first: 1) { unreadCount } }',
      )
    ).notifications.unreadCount;
  await expect.poll(() => notificationJobsLeft(request)).toBe(0);
  const count = page.getByTestId('notification-count');
  await expect(count).toHaveText(String(await unreadOnServer()));
  await expect(count).toHaveText(/^[1-9]\d*$/);
  const unread = Number(await count.textContent());
  await expect(bell).toHaveAccessibleName(`Notifications, ${unread} unread`);
  await expect(page.getByTestId('notifications-unread')).toHaveText(`${unread} unread`);

  // One read: the count drops by one; all read: the badge goes.
  await items
    .filter({ hasText: 'Large expense' })
    .getByRole('button', { name: /^Mark “Large expense” as read$/ })
    .click();
  await expect(count).toHaveText(String(unread - 1));
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('notifications-unread')).toHaveText('Nothing unread');
  await expect(count).toHaveCount(0);
  await expect(bell).toHaveAccessibleName('Notifications');

  const server = await api.gql<{ notifications: { unreadCount: number } }>(
    '{ notifications(first: 1) { unreadCount } }',
  );
  expect(server.notifications.unreadCount).toBe(0);
});
