import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { base, codes, daysOf, nonZeroDays } from '../../test/plan-helpers';
import { generatePlan } from './generate-plan';
import { regeneratePlan } from './regenerate-plan';
import type { PlanInput } from './types';

const settings: PlanInput = {
  ...base,
  bills: [
    { name: 'Rent', amountMinor: 150000, dueDay: 1 },
    { name: 'Utilities', amountMinor: 20000 },
    { name: 'Netflix', amountMinor: 1599, dueDay: 12 },
  ],
};
const current = generatePlan({ ...settings, startsOn: '2026-03-01' });
const regenerated = (day: number, changes: Partial<PlanInput> = {}) =>
  regeneratePlan(current, {
    ...settings,
    ...changes,
    startsOn: `2026-03-${String(day).padStart(2, '0')}`,
  });
const sum = (days: readonly number[]) => days.reduce((total, value) => total + value, 0);

describe('regeneratePlan: a bill already due is not placed again (domain §3.8)', () => {
  it.each<[number, Record<string, number[]>]>([
    // regeneration day → the day each bill is reserved on
    [1, { rent: [1], utilities: [5], subscriptions: [12] }],
    [2, { rent: [1], utilities: [5], subscriptions: [12] }],
    [5, { rent: [1], utilities: [5], subscriptions: [12] }],
    [6, { rent: [1], utilities: [5], subscriptions: [12] }],
    [12, { rent: [1], utilities: [5], subscriptions: [12] }],
    [13, { rent: [1], utilities: [5], subscriptions: [12] }],
    [31, { rent: [1], utilities: [5], subscriptions: [12] }],
  ])('regenerated on day %i, each bill stays once on its due day', (day, expected) => {
    const plan = regenerated(day);
    for (const [id, days] of Object.entries(expected)) {
      expect(nonZeroDays(plan, id), id).toEqual(days);
      expect(sum(daysOf(plan, id)), id).toBe(sum(daysOf(current, id)));
    }
    expect(codes(plan)).not.toContain('BILL_DUE_DAY_MOVED');
  });

  it.each([2, 10, 20])('keeps every day before day %i and places the month identity', (day) => {
    const plan = regenerated(day, { incomeMinor: 900000 });
    for (const category of plan.categories) {
      const before = daysOf(current, category.id).slice(0, day - 1);
      expect(category.days.slice(0, day - 1), category.id).toEqual(
        before.length > 0 ? before : Array.from({ length: day - 1 }, () => 0),
      );
      expect(sum(category.days)).toBe(category.amountMinor);
    }
    expect(plan.totals.plannedMinor).toBe(sum(plan.categories.map((c) => c.amountMinor)));
    expect(plan.startsOn).toBe(current.startsOn);
    // Rent paid on the 1st is reserved once, whatever the income change.
    expect(sum(daysOf(plan, 'rent'))).toBe(150000);
  });

  it('places a raised bill still to come at its new amount on its due day', () => {
    const plan = regenerated(10, {
      bills: [
        { name: 'Rent', amountMinor: 150000, dueDay: 1 },
        { name: 'Utilities', amountMinor: 20000 },
        { name: 'Netflix', amountMinor: 1999, dueDay: 12 },
      ],
    });
    expect(daysOf(plan, 'subscriptions')[11]).toBe(1999);
    expect(sum(daysOf(plan, 'rent'))).toBe(150000);
  });

  it('refuses to regenerate a plan of another month', () => {
    expectCode(
      () => regeneratePlan(current, { ...settings, month: '2026-04', startsOn: '2026-04-02' }),
      'INPUT_INVALID',
    );
  });
});
