import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  errorCodes,
  isDistributed,
  signUp,
  startSecondNode,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { subscribe, type TestSubscription } from '../subscriptions';
import { budgetClient, cents, CREATE, ONBOARD, US_ONBOARDING } from './budget-client';

// Plans are made on March 1 (a whole-month plan); the writes happen on day 10, so pace is judged.
let nowIso = '2026-03-01T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const ALERTS = `subscription { transactionAlert { key kind month transactionId categoryId categoryName date level paceLevel amount { amount } allocation { amount } } }`;
const DAY = `query Day($date: Date!) { budgetDay(date: $date) { categories { categoryId allocation { amount } } } }`;

interface Alert {
  key: string;
  kind: string;
  transactionId: string | null;
  categoryId: string | null;
  level: number | null;
  paceLevel: string | null;
  amount: { amount: string };
  allocation: { amount: string } | null;
}
type AlertEvent = { transactionAlert: Alert };
type DayResult = {
  budgetDay: { categories: Array<{ categoryId: string; allocation: { amount: string } }> };
};
type CreateResult = { createTransaction: { transaction: { id: string } } };

/** Reads events until one matches, returning everything read (in order). */
async function readUntil(
  subscription: TestSubscription<AlertEvent>,
  done: (alert: Alert) => boolean,
): Promise<Alert[]> {
  const seen: Alert[] = [];
  for (;;) {
    const alert = (await subscription.next()).transactionAlert;
    seen.push(alert);
    if (done(alert)) return seen;
  }
}

describe(`transaction alerts (${TEST_MODE})`, () => {
  let api: TestApi;
  let second: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi({ clock });
    if (isDistributed) second = await startSecondNode(api, { clock });
  });
  afterAll(async () => {
    await second?.stop();
    await api?.stop();
  });

  async function onboardedUser() {
    nowIso = '2026-03-01T15:00:00Z';
    const signedUp = await signUp(api);
    await budgetClient(api, signedUp).call(ONBOARD, { input: US_ONBOARDING });
    nowIso = '2026-03-10T15:00:00Z';
    // Nine days later the first access token has expired: the device holds a fresh one.
    const user = {
      ...signedUp,
      accessToken: await accessTokenWithScopes(api, signedUp.userId, ALL_SCOPES),
    };
    const client = budgetClient(api, user);
    const allocation = async (categoryId: string) =>
      cents(
        (await client.call<DayResult>(DAY, { date: '2026-03-10' })).budgetDay.categories.find(
          (c) => c.categoryId === categoryId,
        )?.allocation.amount ?? '0',
      );
    return { user, client, allocation };
  }

  it('sends each budget level, pace, large transaction and deficit once, to the viewer only, across nodes', async () => {
    const { user, client, allocation } = await onboardedUser();
    const other = await onboardedUser();
    const otherNode = second ?? api;
    const deviceA = await subscribe<AlertEvent>(api.url, ALERTS, {
      connectionParams: bearer(user.accessToken),
    });
    const deviceB = await subscribe<AlertEvent>(otherNode.url, ALERTS, {
      connectionParams: bearer(user.accessToken),
    });
    const stranger = await subscribe<AlertEvent>(otherNode.url, ALERTS, {
      connectionParams: bearer(other.user.accessToken),
    });
    try {
      const groceries = await allocation('groceries');
      // 85 % of today's groceries: the 80 % level, on every device of the user.
      const first = await client.call<CreateResult>(CREATE, {
        input: { amount: (Math.ceil(groceries * 0.85) / 100).toFixed(2), categoryId: 'groceries' },
      });
      for (const device of [deviceA, deviceB]) {
        const alert = (await device.next()).transactionAlert;
        expect(alert).toMatchObject({
          kind: 'BUDGET_LEVEL',
          categoryId: 'groceries',
          level: 80,
          transactionId: first.createTransaction.transaction.id,
          key: 'budget:2026-03-10:groceries:80',
        });
        expect(cents(alert.allocation?.amount ?? '0')).toBe(groceries);
      }

      // 400.00 of dining out (more than its month plan): the 100 % level, a pace jump and a large transaction, in one write.
      const bigId = randomUUID();
      await client.call(CREATE, {
        input: { id: bigId, amount: '400.00', categoryId: 'dining_out' },
      });
      const big = await readUntil(deviceA, (a) => a.kind === 'LARGE_TRANSACTION');
      expect(big).toContainEqual(
        expect.objectContaining({
          kind: 'BUDGET_LEVEL',
          categoryId: 'dining_out',
          level: 100,
          transactionId: bigId,
        }),
      );
      expect(big).toContainEqual(
        expect.objectContaining({ kind: 'PACE', categoryId: 'dining_out', paceLevel: 'critical' }),
      );
      expect(big).toContainEqual(
        expect.objectContaining({
          kind: 'LARGE_TRANSACTION',
          transactionId: bigId,
          amount: { amount: '400.00' },
        }),
      );
      expect(big.every((a) => a.transactionId === bigId)).toBe(true);

      // A replay, a delete and a restore recompute the month again: nothing new to say.
      await client.call(CREATE, {
        input: { id: bigId, amount: '400.00', categoryId: 'dining_out' },
      });
      await client.call(
        `mutation($id: ID!) { deleteTransaction(id: $id) { transaction { id } } }`,
        { id: bigId },
      );
      await client.call(
        `mutation($id: ID!) { restoreTransaction(id: $id) { transaction { id } } }`,
        { id: bigId },
      );
      // The next alert is the next new one: groceries past 90 %.
      const sentinel = await client.call<CreateResult>(CREATE, {
        input: { amount: (Math.ceil(groceries * 0.07) / 100).toFixed(2), categoryId: 'groceries' },
      });
      expect((await deviceA.next()).transactionAlert).toMatchObject({
        kind: 'BUDGET_LEVEL',
        level: 90,
        categoryId: 'groceries',
        transactionId: sentinel.createTransaction.transaction.id,
      });

      // The stranger's first alert is their own.
      const own = await other.client.call<CreateResult>(CREATE, {
        input: { amount: '300.00', categoryId: 'gadgets' },
      });
      expect((await stranger.next()).transactionAlert.transactionId).toBe(
        own.createTransaction.transaction.id,
      );
    } finally {
      await Promise.all([deviceA.close(), deviceB.close(), stranger.close()]);
    }
  });

  it('tells once when an overspend no donor can cover leaves a deficit', async () => {
    const { user, client } = await onboardedUser();
    const device = await subscribe<AlertEvent>(api.url, ALERTS, {
      connectionParams: bearer(user.accessToken),
    });
    try {
      const id = randomUUID();
      await client.call(CREATE, { input: { id, amount: '5000.00', categoryId: 'entertainment' } });
      const seen = await readUntil(device, (a) => a.kind === 'DEFICIT');
      const deficit = seen.at(-1);
      expect(cents(deficit?.amount.amount ?? '0')).toBeGreaterThan(0);
      // A further overspend deepens the deficit without telling again; the next alert is the large one.
      const next = randomUUID();
      await client.call(CREATE, {
        input: { id: next, amount: '201.00', categoryId: 'entertainment' },
      });
      const after = await readUntil(device, (a) => a.kind === 'LARGE_TRANSACTION');
      expect(after.map((a) => a.kind)).not.toContain('DEFICIT');
      expect(after.at(-1)?.transactionId).toBe(next);
    } finally {
      await device.close();
    }
  });

  it('judges large transactions by the currency’s default or the person’s own threshold', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const signedUp = await signUp(api);
    await budgetClient(api, signedUp).call(ONBOARD, {
      input: { ...US_ONBOARDING, currency: 'EUR', region: 'DE', timeZone: 'Europe/Berlin' },
    });
    nowIso = '2026-03-10T15:00:00Z';
    const user = {
      ...signedUp,
      accessToken: await accessTokenWithScopes(api, signedUp.userId, ALL_SCOPES),
    };
    const client = budgetClient(api, user);
    const SETTINGS = `mutation S($input: UpdatePlanSettingsInput!) { updatePlanSettings(input: $input) { settings { largeTransactionThreshold { amount currency } } } }`;
    type SettingsResult = {
      updatePlanSettings: { settings: { largeTransactionThreshold: { amount: string } | null } };
    };
    const device = await subscribe<AlertEvent>(api.url, ALERTS, {
      connectionParams: bearer(user.accessToken),
    });
    try {
      // A EUR budget has a default (200 EUR): 250 EUR is large.
      const big = randomUUID();
      await client.call(CREATE, {
        input: { id: big, amount: '250.00', categoryId: 'entertainment' },
      });
      const first = await readUntil(device, (a) => a.kind === 'LARGE_TRANSACTION');
      expect(first.at(-1)).toMatchObject({ transactionId: big, amount: { amount: '250.00' } });

      const set = await client.call<SettingsResult>(SETTINGS, {
        input: { largeTransactionThreshold: '50.00' },
      });
      expect(set.updatePlanSettings.settings.largeTransactionThreshold).toEqual({
        amount: '50.00',
        currency: 'EUR',
      });
      // Under the person's own threshold, 60 EUR is large too.
      const mid = randomUUID();
      await client.call(CREATE, {
        input: { id: mid, amount: '60.00', categoryId: 'entertainment' },
      });
      const second = await readUntil(device, (a) => a.kind === 'LARGE_TRANSACTION');
      expect(second.at(-1)?.transactionId).toBe(mid);
      expect(
        errorCodes(await client.raw(SETTINGS, { input: { largeTransactionThreshold: '0' } })),
      ).toEqual(['BAD_USER_INPUT']);
    } finally {
      await device.close();
    }
  });
});
