import { describe, expect, it } from 'vitest';
import { adviceLabelOf, ruleBasedAdvice, type AdviceFacts } from './advice';

const calm: AdviceFacts = {
  currency: 'USD',
  month: '2026-03',
  today: '2026-03-10',
  dayOfMonth: 10,
  daysInMonth: 31,
  plannedMinor: 300_000,
  spentMinor: 90_000,
  deficitMinor: 0,
  daysJudged: 9,
  daysWithinBudget: 6,
  categories: [
    {
      id: 'groceries',
      label: 'Groceries',
      priority: 'protected',
      planMinor: 60_000,
      spentMinor: 18_000,
      paceLevel: 'none',
      paceRatio: 0.93,
      runOutOn: null,
    },
  ],
  goals: [],
  habits: [],
  mood: null,
};

describe('rule-based advice', () => {
  it('says the month is steady when no rule fires', () => {
    const advice = ruleBasedAdvice(calm);
    expect(advice.summary).toBe(
      'Day 10 of 31: 900.00 USD spent of 3000.00 USD planned this month.',
    );
    expect(advice.items).toEqual([expect.objectContaining({ kind: 'praise', code: 'STEADY' })]);
  });

  it('puts a deficit first, then the fastest categories with what a day may cost to end on plan', () => {
    const advice = ruleBasedAdvice({
      ...calm,
      deficitMinor: 1_234,
      categories: [
        ...calm.categories,
        {
          id: 'dining_out',
          label: 'Dining out',
          priority: 'discretionary',
          planMinor: 20_000,
          spentMinor: 15_000,
          paceLevel: 'critical',
          paceRatio: 2.33,
          runOutOn: '2026-03-13',
        },
        {
          id: 'delivery',
          label: 'Delivery',
          priority: 'discretionary',
          planMinor: 10_000,
          spentMinor: 5_200,
          paceLevel: 'warning',
          paceRatio: 1.61,
          runOutOn: '2026-03-19',
        },
      ],
    });
    expect(advice.items.map((i) => i.code)).toEqual([
      'MONTH_DEFICIT',
      'CATEGORY_FAST',
      'CATEGORY_FAST',
    ]);
    expect(advice.items[0]?.title).toBe('The month is short by 12.34 USD');
    // 50.00 left over the 22 days from the 10th to the 31st: 2.27 a day (rounded down).
    expect(advice.items[1]).toMatchObject({
      categoryId: 'dining_out',
      params: { category: 'Dining out', ratio: '2.3', perDay: '2.27 USD', runOutOn: '2026-03-13' },
    });
    expect(advice.items[2]?.categoryId).toBe('delivery');
  });

  it('praises days within budget and streaks, and turns a clear mood link into a tip', () => {
    const advice = ruleBasedAdvice({
      ...calm,
      daysWithinBudget: 8,
      habits: [
        { currentStreak: 3, frequency: 'daily' },
        { currentStreak: 9, frequency: 'daily' },
      ],
      mood: { strength: 'moderate', direction: 'negative' },
      goals: [
        { priority: 2, percent: 10, monthsLeft: 1 },
        { priority: 1, percent: 40, monthsLeft: 2 },
      ],
    });
    expect(advice.items.map((i) => i.code)).toEqual([
      'GOAL_BEHIND',
      'DAYS_WITHIN_BUDGET',
      'HABIT_STREAK',
      'MOOD_SPENDING',
    ]);
    expect(advice.items[0]?.params).toEqual({ percent: '40', months: '2' });
    expect(advice.items[2]?.params).toEqual({ count: '9' });
    expect(advice.items[3]?.title).toBe('You spend more on treats on harder days');
  });

  it('ignores a weak mood link, keeps at most five items and is deterministic', () => {
    const busy: AdviceFacts = {
      ...calm,
      deficitMinor: 100,
      daysWithinBudget: 9,
      mood: { strength: 'weak', direction: 'negative' },
      habits: [{ currentStreak: 30, frequency: 'daily' }],
      goals: [{ priority: 1, percent: 0, monthsLeft: 1 }],
      categories: ['taxis', 'gaming', 'books'].map((id) => ({
        id,
        label: adviceLabelOf(id),
        priority: 'discretionary' as const,
        planMinor: 1_000,
        spentMinor: 900,
        paceLevel: 'critical' as const,
        paceRatio: 2.8,
        runOutOn: null,
      })),
    };
    const advice = ruleBasedAdvice(busy);
    expect(advice.items).toHaveLength(5);
    expect(advice.items.some((i) => i.code === 'MOOD_SPENDING')).toBe(false);
    expect(advice.items.filter((i) => i.code === 'CATEGORY_FAST').map((i) => i.categoryId)).toEqual(
      ['books', 'gaming'],
    );
    expect(ruleBasedAdvice(busy)).toEqual(advice);
  });

  it('names only taxonomy categories', () => {
    expect(adviceLabelOf('dining_out')).toBe('Dining out');
    expect(adviceLabelOf('user:1b4e28ba')).toBe('one of your categories');
  });
});
