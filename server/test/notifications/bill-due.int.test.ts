import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import { notificationText } from '../../src/features/notifications/notification-words';

// A clock that runs in real time from a chosen instant, so queued deliveries go on.
let base = Date.parse('2026-03-01T15:00:00Z');
let startedAt = Date.now();
const clock = { now: () => new Date(base + (Date.now() - startedAt)) };
function setNow(iso: string): void {
  base = Date.parse(iso);
  startedAt = Date.now();
}

const CREATE = `mutation R($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { type groupKey categoryId categoryName date amount { amount currency } } } } }`;
const SETTINGS = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { pushEnabled } }`;

interface Node {
  type: string;
  groupKey: string;
  categoryId: string | null;
  categoryName: string | null;
  date: string | null;
  amount: { amount: string; currency: string } | null;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe(`"bill due tomorrow" reminders (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function personWithBill(disabled: boolean) {
    setNow('2026-03-01T15:00:00Z');
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    if (disabled)
      await client.call(SETTINGS, { input: { types: [{ type: 'BILL_DUE', enabled: false }] } });
    const made = await client.call<{ createRecurringTransaction: { id: string } }>(CREATE, {
      input: {
        amount: '30.00',
        categoryId: 'groceries',
        description: 'Veg box',
        frequency: 'MONTHLY',
        dayNumber: 13,
        startOn: '2026-03-01',
      },
    });
    // Not due tomorrow: no reminder for it.
    await client.call(CREATE, {
      input: {
        amount: '9.00',
        categoryId: 'coffee',
        frequency: 'MONTHLY',
        dayNumber: 20,
        startOn: '2026-03-01',
      },
    });
    return { user, id: made.createRecurringTransaction.id };
  }

  it('reminds once on the day before (08:00 local), and not when the type is switched off', async () => {
    const on = await personWithBill(false);
    const off = await personWithBill(true);
    const { schedule } = api.container.services.notifications;
    // 07:30 on 12 March in New York: the daily run is not due yet.
    setNow('2026-03-12T11:30:00Z');
    await schedule.runDue();
    // 08:30: the run goes out; a second run (and a second tick) adds nothing.
    setNow('2026-03-12T12:30:00Z');
    await schedule.runDue();
    await schedule.runDue();
    const read = async (userId: string) => {
      const token = await accessTokenWithScopes(api, userId, ALL_SCOPES);
      const client = budgetClient(api, { ...on.user, userId, accessToken: token });
      const data = await client.call<{ notifications: { edges: { node: Node }[] } }>(NOTIFICATIONS);
      return data.notifications.edges.map((e) => e.node);
    };
    const key = `bill_due:${on.id}:2026-03-13`;
    const mine = await waitFor(
      () => read(on.user.userId),
      (nodes) => nodes.some((n) => n.groupKey === key),
    );
    const bills = mine.filter((n) => n.type === 'BILL_DUE');
    expect(bills).toEqual([
      {
        type: 'BILL_DUE',
        groupKey: key,
        categoryId: 'groceries',
        categoryName: 'Veg box',
        date: '2026-03-13',
        amount: { amount: '30.00', currency: 'USD' },
      },
    ]);
    // The other person's morning note arrived, but no reminder: the type is off for them.
    const theirs = await waitFor(
      () => read(off.user.userId),
      (nodes) => nodes.some((n) => n.type === 'MORNING'),
    );
    expect(theirs.filter((n) => n.type === 'BILL_DUE')).toEqual([]);

    // The next day's run does not repeat it (once the jobs it queued have run).
    setNow('2026-03-13T12:30:00Z');
    await schedule.runDue();
    await waitFor(
      async () => (await api.container.queue.counts()).notifications,
      (c) => c.waiting + c.active === 0,
    );
    expect((await read(on.user.userId)).filter((n) => n.type === 'BILL_DUE')).toHaveLength(1);
  });

  it('words the reminder in the person’s language', () => {
    const params = {
      categoryName: 'Veg box',
      date: '2026-03-13',
      amount: '30.00',
      currency: 'USD',
    };
    expect(notificationText('bill_due', params, 'en')).toEqual({
      title: 'Due tomorrow: Veg box',
      body: '$30.00 will be booked on March 13, 2026.',
    });
    expect(notificationText('bill_due', params, 'de').title).toBe('Morgen fällig: Veg box');
  });
});
