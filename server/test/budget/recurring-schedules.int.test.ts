import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { parseDecimal } from '@pace/engine';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { recurringTransactions } from '../../src/features/recurring';
import { budgetClient, ONBOARD, US_ONBOARDING } from './budget-client';

let nowIso = '2026-03-01T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const CREATE = `mutation R($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id frequency interval dayNumber monthOfYear } }`;
const UPDATE = `mutation U($input: UpdateRecurringTransactionInput!) { updateRecurringTransaction(input: $input) {
  recurringTransaction { id previousId startOn endOn amount { amount } postedThrough }
  previous { id startOn endOn amount { amount } postedThrough } } }`;
const UPCOMING = `query Up($days: Int) { upcomingRecurring(days: $days) { date categoryId description amount { amount }
  recurringTransaction { id }
  effect { categoryRemainingBefore { amount } categoryRemainingAfter { amount } dayRemainingBefore { amount }
    dayRemainingAfter { amount } coveredFromLaterDays { amount } uncovered { amount } } } }`;
const DAY = `query D($date: Date!) { budgetDay(date: $date) { allocation { amount } spent { amount } categories { categoryId remaining { amount } } } }`;
const LEDGER = `{ transactions(first: 100) { edges { node { id bookedOn categoryId source amount { amount } } } } }`;

type Amount = { amount: string };
interface Upcoming {
  date: string;
  categoryId: string;
  description: string;
  amount: Amount;
  recurringTransaction: { id: string };
  effect: {
    categoryRemainingBefore: Amount;
    categoryRemainingAfter: Amount;
    dayRemainingBefore: Amount;
    dayRemainingAfter: Amount;
    coveredFromLaterDays: Amount;
    uncovered: Amount;
  } | null;
}
interface Posted {
  id: string;
  bookedOn: string;
  categoryId: string;
  source: string;
  amount: Amount;
}

const minor = (amount: string) => parseDecimal(amount, 'USD');
const cents = (value: number) => (value / 100).toFixed(2);

describe(`recurring schedules, upcoming list, edit from a date (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function onboarded(): Promise<{ user: TestUser; client: ReturnType<typeof budgetClient> }> {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return { user, client };
  }

  async function refreshed(user: TestUser) {
    return budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });
  }

  async function ledgerOf(user: TestUser): Promise<Posted[]> {
    const data = await (
      await refreshed(user)
    ).call<{ transactions: { edges: { node: Posted }[] } }>(LEDGER);
    return data.transactions.edges
      .map((e) => e.node)
      .sort(
        (a, b) => a.bookedOn.localeCompare(b.bookedOn) || a.categoryId.localeCompare(b.categoryId),
      );
  }

  it('posts every schedule as RECURRING, once per rule and date, across month ends and a leap day', async () => {
    nowIso = '2027-12-20T15:00:00Z';
    const { user, client } = await onboarded();
    const start = '2027-12-20';
    const inputs = [
      // The old monthly input shape still works: day 31 falls on each month's last day.
      {
        amount: '10.00',
        categoryId: 'coffee',
        frequency: 'MONTHLY',
        dayNumber: 31,
        startOn: start,
      },
      { amount: '1.00', categoryId: 'groceries', frequency: 'LAST_DAY_OF_MONTH', startOn: start },
      {
        amount: '2.00',
        categoryId: 'entertainment',
        frequency: 'DAILY',
        interval: 20,
        startOn: start,
      },
      {
        amount: '3.00',
        categoryId: 'hobbies',
        frequency: 'WEEKLY',
        interval: 3,
        dayNumber: 1,
        startOn: start,
      },
      {
        amount: '4.00',
        categoryId: 'clothing',
        frequency: 'YEARLY',
        monthOfYear: 2,
        dayNumber: 29,
        startOn: start,
      },
    ];
    for (const input of inputs) await client.call(CREATE, { input });
    const refused = await client.raw(CREATE, {
      input: { ...inputs[4], monthOfYear: 4, dayNumber: 31 },
    });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);

    nowIso = '2028-03-02T15:00:00Z';
    const { recurring } = api.container.services;
    await recurring.postAllDue();
    await recurring.postAllDue();
    // Even with its progress marker lost, a re-run finds each occurrence's derived id: no double.
    await api.container.database.db
      .update(recurringTransactions)
      .set({ postedThrough: null })
      .where(eq(recurringTransactions.userId, user.userId));
    await recurring.postAllDue();

    const posted = await ledgerOf(user);
    expect(posted.map((t) => `${t.bookedOn} ${t.categoryId} ${t.amount.amount}`)).toEqual([
      '2027-12-20 entertainment 2.00',
      '2027-12-20 hobbies 3.00',
      '2027-12-31 coffee 10.00',
      '2027-12-31 groceries 1.00',
      '2028-01-09 entertainment 2.00',
      '2028-01-10 hobbies 3.00',
      '2028-01-29 entertainment 2.00',
      '2028-01-31 coffee 10.00',
      '2028-01-31 groceries 1.00',
      '2028-01-31 hobbies 3.00',
      '2028-02-18 entertainment 2.00',
      '2028-02-21 hobbies 3.00',
      '2028-02-29 clothing 4.00',
      '2028-02-29 coffee 10.00',
      '2028-02-29 groceries 1.00',
    ]);
    expect(new Set(posted.map((t) => t.source))).toEqual(new Set(['RECURRING']));
    expect(new Set(posted.map((t) => t.id)).size).toBe(posted.length);
  });

  it('lists the next days’ occurrences with exact amounts and the engine’s effect on each day', async () => {
    nowIso = '2026-03-10T15:00:00Z';
    const { user, client } = await onboarded();
    const groceriesId = '11111111-1111-4111-8111-111111111111';
    const coffeeId = '22222222-2222-4222-8222-222222222222';
    await client.call(CREATE, {
      input: {
        id: groceriesId,
        amount: '30.00',
        categoryId: 'groceries',
        description: 'Veg box',
        frequency: 'MONTHLY',
        dayNumber: 12,
        startOn: '2026-03-11',
      },
    });
    await client.call(CREATE, {
      input: {
        id: coffeeId,
        amount: '4.50',
        categoryId: 'coffee',
        frequency: 'DAILY',
        interval: 7,
        startOn: '2026-03-12',
      },
    });
    const days = (await client.call<{ upcomingRecurring: Upcoming[] }>(UPCOMING, { days: 30 }))
      .upcomingRecurring;
    expect(
      days.map((o) => `${o.date} ${o.categoryId} ${o.amount.amount} ${o.description}`),
    ).toEqual([
      '2026-03-12 groceries 30.00 Veg box',
      '2026-03-12 coffee 4.50 ',
      '2026-03-19 coffee 4.50 ',
      '2026-03-26 coffee 4.50 ',
      '2026-04-02 coffee 4.50 ',
    ]);
    // April has no plan yet (it is made on 1 April): no effect to show.
    expect(days[4]?.effect).toBeNull();

    // The day as it stands now is what the first occurrence starts from.
    const read = async (date: string) =>
      (
        await client.call<{
          budgetDay: {
            allocation: Amount;
            spent: Amount;
            categories: { categoryId: string; remaining: Amount }[];
          };
        }>(DAY, { date })
      ).budgetDay;
    const dayNow = await read('2026-03-12');
    const remainingOf = (day: typeof dayNow, category: string) =>
      day.categories.find((c) => c.categoryId === category)?.remaining.amount;
    const [veg, coffee] = days;
    expect(veg?.effect?.dayRemainingBefore.amount).toBe(
      cents(minor(dayNow.allocation.amount) - minor(dayNow.spent.amount)),
    );
    expect(veg?.effect?.categoryRemainingBefore.amount).toBe(remainingOf(dayNow, 'groceries'));
    // The second occurrence of the day starts where the first one left it.
    expect(coffee?.effect?.dayRemainingBefore.amount).toBe(veg?.effect?.dayRemainingAfter.amount);
    // The day loses the amount, less what later days cover.
    for (const o of [veg, coffee]) {
      const e = o?.effect;
      expect(minor(e?.dayRemainingAfter.amount ?? '')).toBe(
        minor(e?.dayRemainingBefore.amount ?? '') -
          minor(o?.amount.amount ?? '') +
          minor(e?.coveredFromLaterDays.amount ?? ''),
      );
    }
    expect(minor(veg?.effect?.coveredFromLaterDays.amount ?? '')).toBeGreaterThan(0);

    // Booking the same expenses for real gives exactly the figures the list foresaw.
    const writes = api.container.services.transactions.writes;
    for (const [categoryId, amount] of [
      ['groceries', '30.00'],
      ['coffee', '4.50'],
    ] as const)
      await writes.create(user.userId, { amount, categoryId, bookedOn: '2026-03-12' });
    const dayAfter = await read('2026-03-12');
    expect(coffee?.effect?.dayRemainingAfter.amount).toBe(
      cents(minor(dayAfter.allocation.amount) - minor(dayAfter.spent.amount)),
    );
    expect(veg?.effect?.categoryRemainingAfter.amount).toBe(remainingOf(dayAfter, 'groceries'));
    expect(coffee?.effect?.categoryRemainingAfter.amount).toBe(remainingOf(dayAfter, 'coffee'));

    expect(errorCodes(await client.raw(UPCOMING, { days: 0 }))).toEqual(['BAD_USER_INPUT']);
    const stranger = budgetClient(api, await signUp(api));
    await stranger.call(ONBOARD, { input: US_ONBOARDING });
    expect(
      (await stranger.call<{ upcomingRecurring: Upcoming[] }>(UPCOMING)).upcomingRecurring,
    ).toEqual([]);
  });

  it('changes a rule from a date on: history stays, the past before the last posting is refused', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const { user, client: first } = await onboarded();
    let client = first;
    const id = '33333333-3333-4333-8333-333333333333';
    await client.call(CREATE, {
      input: {
        id,
        amount: '10.00',
        categoryId: 'groceries',
        frequency: 'MONTHLY',
        dayNumber: 5,
        startOn: '2026-03-01',
      },
    });
    nowIso = '2026-04-10T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const before = await ledgerOf(user);
    client = await refreshed(user);

    const locked = await client.raw(UPDATE, { input: { id, from: '2026-04-05', amount: '12.00' } });
    expect(errorCodes(locked)).toEqual(['CONFLICT']);
    expect(locked.errors?.[0]?.extensions?.reason).toBe('RECURRING_HISTORY_LOCKED');
    const stranger = budgetClient(api, await signUp(api));
    expect(
      errorCodes(await stranger.raw(UPDATE, { input: { id, from: '2026-05-01', amount: '1.00' } })),
    ).toEqual(['NOT_FOUND']);

    type Payload = {
      updateRecurringTransaction: {
        recurringTransaction: Record<string, unknown>;
        previous: Record<string, unknown> | null;
      };
    };
    const change = { id, from: '2026-04-06', amount: '12.00' };
    const split = (await client.call<Payload>(UPDATE, { input: change }))
      .updateRecurringTransaction;
    expect(split.previous).toEqual({
      id,
      startOn: '2026-03-01',
      endOn: '2026-04-05',
      amount: { amount: '10.00' },
      postedThrough: '2026-04-05',
    });
    expect(split.recurringTransaction).toMatchObject({
      previousId: id,
      startOn: '2026-04-06',
      endOn: null,
      amount: { amount: '12.00' },
      postedThrough: null,
    });
    // A replay applies the same change to the same new rule.
    const replay = (await client.call<Payload>(UPDATE, { input: change }))
      .updateRecurringTransaction;
    expect(replay.recurringTransaction.id).toBe(split.recurringTransaction.id);

    nowIso = '2026-06-10T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const after = await ledgerOf(user);
    client = await refreshed(user);
    expect(after.map((t) => `${t.bookedOn} ${t.amount.amount}`)).toEqual([
      '2026-03-05 10.00',
      '2026-04-05 10.00',
      '2026-05-05 12.00',
      '2026-06-05 12.00',
    ]);
    // Posted occurrences are the very same records as before the edit.
    expect(after.slice(0, 2)).toEqual(before);

    // Before anything posts, a change from the first day on edits the rule in place.
    const later = '44444444-4444-4444-8444-444444444444';
    await client.call(CREATE, {
      input: {
        id: later,
        amount: '5.00',
        categoryId: 'coffee',
        frequency: 'WEEKLY',
        dayNumber: 1,
        startOn: '2026-07-01',
      },
    });
    const inPlace = (
      await client.call<Payload>(UPDATE, {
        input: { id: later, from: '2026-06-20', frequency: 'LAST_DAY_OF_MONTH' },
      })
    ).updateRecurringTransaction;
    expect(inPlace.previous).toBeNull();
    expect(inPlace.recurringTransaction).toMatchObject({ id: later, startOn: '2026-07-01' });
  });
});
