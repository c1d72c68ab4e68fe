import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import {
  budgetClient,
  cents,
  CREATE,
  fixedClock,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from './budget-client';

// March 5 in New York: a mid-month plan that starts today.
const clock = fixedClock('2026-03-05T15:00:00Z');

const HISTORY = `query H($from: YearMonth!, $to: YearMonth!) { budgetHistory(from: $from, to: $to) { month currency totals { planned { amount } spent { amount } deficit { amount } } categories { categoryId spent { amount } } } }`;
const CALENDAR = `query C($month: YearMonth!) { calendarMonth(month: $month) { month today days { date isToday isPlanned allocation { amount } spent { amount } status } } }`;
const CHECKPOINT = `query P($date: Date!) { checkpoint(date: $date) { date allocation { amount } spent { amount } remaining { amount } status deficitSoFar { amount } categories { categoryId spent { amount } uncovered { amount } } } }`;

type HistoryResult = {
  budgetHistory: Array<{
    month: string;
    totals: Record<'planned' | 'spent' | 'deficit', { amount: string }>;
    categories: Array<{ categoryId: string; spent: { amount: string } }>;
  }>;
};
type CalendarResult = {
  calendarMonth: {
    month: string;
    today: string;
    days: Array<{
      date: string;
      isToday: boolean;
      isPlanned: boolean;
      allocation: { amount: string };
      spent: { amount: string };
      status: string;
    }>;
  };
};
type CheckpointResult = {
  checkpoint: {
    date: string;
    allocation: { amount: string };
    spent: { amount: string };
    remaining: { amount: string };
    status: string;
    deficitSoFar: { amount: string };
    categories: Array<{
      categoryId: string;
      spent: { amount: string };
      uncovered: { amount: string };
    }>;
  };
};

describe(`budget history, calendar and checkpoint (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('serves the months with a plan, a calendar per day and a day’s checkpoint from the computed month', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    await client.call(CREATE, { input: { amount: '5000.00', categoryId: 'entertainment' } });
    const month = (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    expect(cents(month.totals.deficit.amount)).toBeGreaterThan(0);

    const history = (await client.call<HistoryResult>(HISTORY, { from: '2026-01', to: '2026-04' }))
      .budgetHistory;
    expect(history.map((h) => h.month)).toEqual(['2026-03']);
    expect(history[0]?.totals).toEqual({
      planned: month.totals.planned,
      spent: { amount: '5000.00' },
      deficit: month.totals.deficit,
    });
    expect(history[0]?.categories).toContainEqual({
      categoryId: 'entertainment',
      spent: { amount: '5000.00' },
    });

    const calendar = (await client.call<CalendarResult>(CALENDAR, { month: '2026-03' }))
      .calendarMonth;
    expect(calendar.today).toBe('2026-03-05');
    const today = calendar.days.find((d) => d.isToday);
    expect(today).toMatchObject({
      date: '2026-03-05',
      isPlanned: true,
      spent: { amount: '5000.00' },
      status: 'RED',
    });
    expect(calendar.days.filter((d) => d.isPlanned).at(0)?.date).toBe('2026-03-05');
    expect(calendar.days.reduce((sum, d) => sum + cents(d.allocation.amount), 0)).toBe(
      cents(month.totals.planned.amount),
    );
    const later = calendar.days.find((d) => d.date === '2026-03-20');
    expect(later).toMatchObject({ spent: { amount: '0.00' }, status: 'GREEN' });

    const checkpoint = (await client.call<CheckpointResult>(CHECKPOINT, { date: '2026-03-05' }))
      .checkpoint;
    expect(checkpoint).toMatchObject({
      date: '2026-03-05',
      spent: { amount: '5000.00' },
      status: 'RED',
      deficitSoFar: month.totals.deficit,
    });
    expect(cents(checkpoint.remaining.amount)).toBe(cents(checkpoint.allocation.amount) - 500_000);
    const uncovered = checkpoint.categories.reduce((sum, c) => sum + cents(c.uncovered.amount), 0);
    expect(uncovered).toBe(cents(month.totals.deficit.amount));
    // Later days carry the deficit so far.
    const next = (await client.call<CheckpointResult>(CHECKPOINT, { date: '2026-03-31' }))
      .checkpoint;
    expect(next.deficitSoFar).toEqual(month.totals.deficit);
  });

  it('refuses a reversed or too long range and months without a plan', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    expect(errorCodes(await client.raw(HISTORY, { from: '2026-03', to: '2026-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await client.raw(HISTORY, { from: '2024-01', to: '2026-03' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await client.raw(CALENDAR, { month: '2025-12' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await client.raw(CHECKPOINT, { date: '2026-05-01' }))).toEqual(['NOT_FOUND']);
  });
});
