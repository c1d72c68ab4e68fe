import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { eq } from 'drizzle-orm';
import { budgetSettings } from '../../src/features/budget/budget.table';
import { RecurringRepository } from '../../src/features/recurring';
import { budgetClient, ONBOARD, US_ONBOARDING } from './budget-client';

let nowIso = '2026-03-01T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const CREATE_RECURRING = `mutation R($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id frequency dayNumber amount { amount } postedThrough } }`;
const LIST = `{ transactions(first: 50) { edges { node { id bookedOn categoryId source amount { amount } } } } }`;
const MINE = `{ recurringTransactions { id } }`;
const PLAN = `query P($month: YearMonth) { plan(month: $month) { id month startsOn } }`;

type ListResult = {
  transactions: {
    edges: Array<{
      node: {
        id: string;
        bookedOn: string;
        categoryId: string;
        source: string;
        amount: { amount: string };
      };
    }>;
  };
};

describe(`recurring transactions and month plans (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('posts each due occurrence once with a derived id, and creates the new month’s plan once', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const monthly = {
      id: '5b0c8a86-7f0e-4a0e-9d3c-1f2a3b4c5d6e',
      amount: '20.00',
      categoryId: 'coffee',
      frequency: 'MONTHLY',
      dayNumber: 31,
      startOn: '2026-03-01',
    };
    const weekly = {
      amount: '3.00',
      categoryId: 'groceries',
      frequency: 'WEEKLY',
      dayNumber: 1,
      startOn: '2026-03-01',
      endOn: '2026-03-20',
    };
    const made = await client.call<{
      createRecurringTransaction: { id: string; postedThrough: string | null };
    }>(CREATE_RECURRING, { input: monthly });
    expect(made.createRecurringTransaction).toMatchObject({ id: monthly.id, postedThrough: null });
    await client.call(CREATE_RECURRING, { input: weekly });
    await client.call(CREATE_RECURRING, { input: monthly });
    expect(
      errorCodes(await client.raw(CREATE_RECURRING, { input: { ...weekly, dayNumber: 7 } })),
    ).toEqual(['BAD_USER_INPUT']);

    // April 2 in New York: March's occurrences are due, April's 30th not yet; jobs run twice.
    nowIso = '2026-04-02T15:00:00Z';
    const services = api.container.services;
    await services.recurring.postAllDue();
    await services.recurring.postAllDue();
    expect(await services.budget.months.ensureCurrentPlans()).toBeGreaterThanOrEqual(1);
    expect(await services.budget.months.ensureCurrentPlans()).toBe(0);

    const fresh = budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });
    const posted = (await fresh.call<ListResult>(LIST)).transactions.edges.map((e) => e.node);
    expect(posted.map((t) => `${t.bookedOn} ${t.categoryId} ${t.amount.amount}`).sort()).toEqual([
      '2026-03-02 groceries 3.00',
      '2026-03-09 groceries 3.00',
      '2026-03-16 groceries 3.00',
      '2026-03-31 coffee 20.00',
    ]);
    expect(new Set(posted.map((t) => t.id)).size).toBe(4);
    const april = await fresh.call<{ plan: { month: string; startsOn: string } | null }>(PLAN, {
      month: '2026-04',
    });
    expect(april.plan).toMatchObject({ month: '2026-04', startsOn: '2026-04-01' });
  });

  it('ends a recurring transaction: nothing after its last day posts, what was posted stays', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const made = await client.call<{ createRecurringTransaction: { id: string } }>(
      CREATE_RECURRING,
      {
        input: {
          amount: '9.99',
          categoryId: 'entertainment',
          frequency: 'MONTHLY',
          dayNumber: 1,
          startOn: '2026-03-01',
        },
      },
    );
    const { id } = made.createRecurringTransaction;
    const END = `mutation E($id: ID!, $lastOn: Date) { endRecurringTransaction(id: $id, lastOn: $lastOn) { id endOn } }`;
    const ended = await client.call<{ endRecurringTransaction: { endOn: string } }>(END, { id });
    expect(ended.endRecurringTransaction.endOn).toBe('2026-03-01');
    // A later end does not reopen it; another person cannot end it.
    await client.call(END, { id, lastOn: '2026-12-31' });
    const stranger = budgetClient(api, await signUp(api));
    expect(errorCodes(await stranger.raw(END, { id }))).toEqual(['NOT_FOUND']);

    nowIso = '2026-05-02T15:00:00Z';
    await api.container.services.recurring.postAllDue();
    const fresh = budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });
    const posted = (await fresh.call<ListResult>(LIST)).transactions.edges.map((e) => e.node);
    expect(posted.map((t) => `${t.bookedOn} ${t.categoryId} ${t.amount.amount}`)).toEqual([
      '2026-03-01 entertainment 9.99',
    ]);
  });

  it('refuses an unknown category and a start over a year back, storing nothing', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const base = { amount: '5.00', categoryId: 'coffee', frequency: 'MONTHLY', dayNumber: 1 };
    const unknown = await client.raw(CREATE_RECURRING, {
      input: { ...base, categoryId: 'no-such-category', startOn: '2026-03-01' },
    });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    const decades = await client.raw(CREATE_RECURRING, {
      input: { ...base, startOn: '1990-01-01' },
    });
    expect(errorCodes(decades)).toEqual(['BAD_USER_INPUT']);
    expect(await api.container.services.recurring.list(user.userId)).toEqual([]);
    // Within the bound (a year back) is accepted and back-filled at once.
    await client.call(CREATE_RECURRING, { input: { ...base, startOn: '2025-03-01' } });
    const fresh = budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });
    expect(
      (await fresh.call<{ recurringTransactions: unknown[] }>(MINE)).recurringTransactions,
    ).toHaveLength(1);
    const posted = (await fresh.call<ListResult>(LIST)).transactions.edges.map((e) => e.node);
    expect(posted).toHaveLength(13);
  });

  it('posts occurrences with source RECURRING', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    await client.call(CREATE_RECURRING, {
      input: {
        amount: '7.00',
        categoryId: 'coffee',
        frequency: 'MONTHLY',
        dayNumber: 1,
        startOn: '2026-03-01',
      },
    });
    const fresh = budgetClient(api, {
      ...user,
      accessToken: await accessTokenWithScopes(api, user.userId, ALL_SCOPES),
    });
    const posted = (await fresh.call<ListResult>(LIST)).transactions.edges.map((e) => e.node);
    expect(posted.map((t) => t.source)).toEqual(['RECURRING']);
  });

  it('a bad row of one user is reported and skipped; the others still post', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const services = api.container.services;
    const a = await signUp(api);
    const b = await signUp(api);
    await budgetClient(api, a).call(ONBOARD, { input: US_ONBOARDING });
    await budgetClient(api, b).call(ONBOARD, { input: US_ONBOARDING });
    // A row that validation would refuse, stored directly (as an older build could have).
    const badId = '0a6c3a3e-1111-4e2b-9c1d-2b3c4d5e6f70';
    await new RecurringRepository(api.container.database.db).insert({
      id: badId,
      userId: a.userId,
      amountMinor: 100,
      currency: 'USD',
      categoryId: 'no-such-category',
      description: '',
      frequency: 'monthly',
      dayNumber: 2,
      startOn: '2026-03-01',
      endOn: null,
      createdAt: new Date(nowIso),
    });
    await budgetClient(api, b).call(CREATE_RECURRING, {
      input: {
        amount: '4.00',
        categoryId: 'coffee',
        frequency: 'MONTHLY',
        dayNumber: 2,
        startOn: '2026-03-01',
      },
    });

    nowIso = '2026-03-03T15:00:00Z';
    const run = await services.recurring.postAllDue();
    expect(run.skipped).toContainEqual({
      userId: a.userId,
      recurringId: badId,
      code: 'CATEGORY_UNKNOWN',
    });
    const fresh = budgetClient(api, {
      ...b,
      accessToken: await accessTokenWithScopes(api, b.userId, ALL_SCOPES),
    });
    const posted = (await fresh.call<ListResult>(LIST)).transactions.edges.map((e) => e.node);
    expect(posted.map((t) => `${t.bookedOn} ${t.categoryId} ${t.source}`)).toEqual([
      '2026-03-02 coffee RECURRING',
    ]);
    // Reported where an admin looks (audit events) and counted for Prometheus.
    const audit = await services.audit.list({
      first: 10,
      filter: { event: 'job.row_skipped', userId: a.userId },
    });
    expect(audit.rows.map((r) => r.details)).toContainEqual({
      job: 'recurring.postDue',
      rowId: badId,
      code: 'CATEGORY_UNKNOWN',
    });
    const metrics = await api.container.metrics.registry.getSingleMetricAsString(
      'pace_job_rows_skipped_total',
    );
    expect(metrics).toMatch(/code="CATEGORY_UNKNOWN"[^\n]* [1-9]/);
  });

  it('the month plan job skips and reports a user whose plan fails; the others get theirs', async () => {
    nowIso = '2026-06-01T15:00:00Z';
    const services = api.container.services;
    const a = await signUp(api);
    const b = await signUp(api);
    await budgetClient(api, a).call(ONBOARD, { input: US_ONBOARDING });
    await budgetClient(api, b).call(ONBOARD, { input: US_ONBOARDING });
    // A stored setting no plan can be made with (written directly, as an older build could have).
    await api.container.database.db
      .update(budgetSettings)
      .set({ timeZone: 'Nowhere/Bad_Zone' })
      .where(eq(budgetSettings.userId, a.userId));
    nowIso = '2026-07-01T15:00:00Z';
    await services.budget.months.ensureCurrentPlans();
    const fresh = budgetClient(api, {
      ...b,
      accessToken: await accessTokenWithScopes(api, b.userId, ALL_SCOPES),
    });
    const july = await fresh.call<{ plan: { month: string } | null }>(PLAN, { month: '2026-07' });
    expect(july.plan).toMatchObject({ month: '2026-07' });
    const audit = await services.audit.list({
      first: 10,
      filter: { event: 'job.row_skipped', userId: a.userId },
    });
    expect(audit.rows.map((r) => (r.details as { job?: string }).job)).toContain(
      'budget.createMonthPlans',
    );
  });
});
