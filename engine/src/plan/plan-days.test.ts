import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { amounts, base, codes, daysOf, nonZeroDays } from '../../test/plan-helpers';
import { generatePlan } from './generate-plan';

describe('generatePlan: bills', () => {
  it.each([
    ['Rent', undefined, 'rent', 1],
    ['Mortgage', undefined, 'mortgage', 1],
    ['Tuition', undefined, 'school_fees', 1],
    ['Phone', undefined, 'phone', 5],
    ['Electricity', undefined, 'utilities', 5],
    ['Gym', 12, 'gym', 12],
    ['Piano lessons', 20, 'bill:piano_lessons', 20],
  ])('%s (due %s) → %s on day %i', (name, dueDay, id, day) => {
    const plan = generatePlan({ ...base, bills: [{ name, amountMinor: 5000, dueDay }] });
    expect(nonZeroDays(plan, id)).toEqual([day]);
    expect(plan.categories.find((c) => c.id === id)).toMatchObject({
      behaviour: 'fixed',
      priority: 'sacred',
      source: 'bill',
    });
  });

  it('moves a due day past the month end to the last day, with a notice', () => {
    const plan = generatePlan({
      ...base,
      month: '2026-02',
      bills: [{ name: 'Rent', amountMinor: 5000, dueDay: 31 }],
    });
    expect(nonZeroDays(plan, 'rent')).toEqual([28]);
    expect(plan.notices).toContainEqual(
      expect.objectContaining({
        code: 'BILL_DUE_DAY_MOVED',
        details: { name: 'Rent', dueDay: 31, placedOn: 28 },
      }),
    );
  });

  it('merges bills of one category, each on its own day', () => {
    const plan = generatePlan({
      ...base,
      bills: [
        { name: 'Car insurance', amountMinor: 9000, dueDay: 3 },
        { name: 'Home insurance', amountMinor: 4000, dueDay: 20 },
      ],
    });
    const insurance = daysOf(plan, 'insurance');
    expect([insurance[2], insurance[19]]).toEqual([9000, 4000]);
    expect(codes(plan)).toContain('INSURANCE_FROM_BILLS');
    expect(amounts(plan).insurance).toBe(13000); // the health insurance target is dropped
  });

  it.each([[0], [32], [1.5]])('rejects due day %s', (dueDay) => {
    expectCode(
      () => generatePlan({ ...base, bills: [{ name: 'Rent', amountMinor: 1, dueDay }] }),
      'INPUT_INVALID',
    );
  });
});

describe('generatePlan: days', () => {
  it.each([
    ['2024-02', 29],
    ['2026-02', 28],
    ['2100-02', 28],
    ['2000-02', 29],
    ['2026-04', 30],
    ['2026-01', 31],
  ])('%s has %i plan days and spread categories use all of them', (month, days) => {
    const plan = generatePlan({ ...base, month });
    expect(plan.daysInMonth).toBe(days);
    expect(nonZeroDays(plan, 'groceries')).toHaveLength(days);
  });

  it('chooses clustered days deterministically from user, month and category', () => {
    const again = generatePlan(base);
    expect(generatePlan(base)).toEqual(again);
    const users = ['a', 'b', 'c', 'd', 'e'].map((userId) =>
      nonZeroDays(generatePlan({ ...base, userId }), 'entertainment').join(),
    );
    expect(new Set(users).size).toBeGreaterThan(1);
    const months = ['2026-03', '2026-05'].map((month) =>
      nonZeroDays(generatePlan({ ...base, month }), 'entertainment'),
    );
    expect(months[0]).not.toEqual(months[1]);
  });

  it.each([
    [4, [1, 7, 8, 14, 15, 21, 22, 28], 4, 0],
    [8, [1, 7, 8, 14, 15, 21, 22, 28], 8, 0],
    [10, [1, 7, 8, 14, 15, 21, 22, 28], 8, 2],
  ])(
    'with %i dining days in Feb 2026, weekends come first',
    (dinners, weekends, onWeekends, onWeekdays) => {
      const plan = generatePlan({ ...base, month: '2026-02', habits: { diningPerMonth: dinners } });
      const days = nonZeroDays(plan, 'dining_out');
      expect(days.filter((d) => weekends.includes(d))).toHaveLength(onWeekends);
      expect(days.filter((d) => !weekends.includes(d))).toHaveLength(onWeekdays);
    },
  );

  it('uses habits.spendingDaysPerMonth for any clustered category', () => {
    const plan = generatePlan({ ...base, habits: { spendingDaysPerMonth: { clothing: 2 } } });
    expect(nonZeroDays(plan, 'clothing')).toHaveLength(2);
  });
});
