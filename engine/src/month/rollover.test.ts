import { describe, expect, it } from 'vitest';
import { allocations, dayRange, handPlan, repeat, tx } from '../../test/builders';
import { computeMonth } from './compute-month';

describe('underspend of finished days (rollover)', () => {
  it('spread: equally over the later days, extra units to earlier days', () => {
    const plan = handPlan([{ id: 'groceries', days: 100 }]);
    const month = computeMonth(plan, [tx('groceries', 1, 40)], '2026-02-03');
    expect(allocations(month, 'groceries')).toEqual([
      40,
      0,
      ...repeat(5, 107),
      ...repeat(20, 106),
      105,
    ]);
    expect(month.moves).toEqual([
      {
        reason: 'rollover_spread',
        fromCategoryId: 'groceries',
        toCategoryId: 'groceries',
        fromDays: [1],
        toDays: dayRange(2, 28),
        amountMinor: 60,
        onDay: 1,
      },
      {
        reason: 'rollover_spread',
        fromCategoryId: 'groceries',
        toCategoryId: 'groceries',
        fromDays: [2],
        toDays: dayRange(3, 28),
        amountMinor: 103,
        onDay: 2,
      },
    ]);
  });

  it('a donor gives from its allocations as they stand, rolled-over money included', () => {
    const plan = handPlan([
      { id: 'coffee', days: 100 },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 3, 100)], '2026-02-04');
    // Before day 3's cover, coffee's days 4–20 hold 108 and days 21–28 hold 107 (rolled from days
    // 1–2); the 100 taken is 4 a day; then day 3's own 108 is spread (5 × 8 days, 4 × 17 days).
    expect(allocations(month, 'coffee')).toEqual([
      0,
      0,
      0,
      ...repeat(8, 109),
      ...repeat(9, 108),
      ...repeat(8, 107),
    ]);
    expect(month.cell(3, 'dining_out')).toMatchObject({ coveredMinor: 100, uncoveredMinor: 0 });
  });

  it('spread: a clustered category keeps to its remaining spending days', () => {
    const plan = handPlan([{ id: 'dining_out', days: { 1: 300, 10: 300, 20: 300 } }]);
    const month = computeMonth(plan, [], '2026-02-02');
    expect(allocations(month, 'dining_out').filter((v) => v > 0)).toEqual([450, 450]);
  });

  it('next_day: all of it to the next day', () => {
    const plan = handPlan([{ id: 'groceries', days: 100 }]);
    const month = computeMonth(plan, [tx('groceries', 1, 40)], '2026-02-03', {
      rollover: 'next_day',
    });
    expect(allocations(month, 'groceries')).toEqual([40, 0, 260, ...repeat(25, 100)]);
  });

  it('savings: into the savings category on the same day', () => {
    const plan = handPlan([
      { id: 'groceries', days: 100 },
      { id: 'savings', days: 10 },
    ]);
    const month = computeMonth(plan, [tx('groceries', 1, 40)], '2026-02-03', {
      rollover: 'savings',
    });
    expect(allocations(month, 'savings').slice(0, 3)).toEqual([70, 110, 10]);
    expect(allocations(month, 'groceries').slice(0, 3)).toEqual([40, 0, 100]);
    expect(
      month.moves.map((m) => [m.reason, m.fromCategoryId, m.toCategoryId, m.amountMinor]),
    ).toEqual([
      ['rollover_savings', 'groceries', 'savings', 60],
      ['rollover_savings', 'groceries', 'savings', 100],
    ]);
  });

  it('savings: a plan without a savings category gets one', () => {
    const plan = handPlan([{ id: 'groceries', days: 100 }]);
    const month = computeMonth(plan, [], '2026-02-02', { rollover: 'savings' });
    expect(month.cell(1, 'savings')?.allocationMinor).toBe(100);
  });

  it('does not roll sacred or fixed categories, nor unfinished days', () => {
    const plan = handPlan([
      { id: 'savings', days: 10 },
      { id: 'rent', days: { 1: 500 } },
      { id: 'groceries', days: 100 },
    ]);
    const month = computeMonth(plan, [], '2026-02-10');
    expect(allocations(month, 'savings')).toEqual(repeat(28, 10));
    expect(allocations(month, 'rent')[0]).toBe(500);
    const groceries = allocations(month, 'groceries');
    expect(groceries.slice(0, 9)).toEqual(repeat(9, 0)); // days 1–9 finished, unspent, rolled on
    expect(groceries.slice(9).every((v) => v > 100)).toBe(true);
    expect(month.moves.every((m) => m.fromCategoryId === 'groceries' && m.onDay <= 9)).toBe(true);
  });

  it('after the month ends every day is finished; the last day has nowhere to go', () => {
    const plan = handPlan([{ id: 'groceries', days: 100 }]);
    const month = computeMonth(plan, [], '2026-03-05');
    expect(allocations(month, 'groceries')).toEqual([...repeat(27, 0), 2800]);
    expect(computeMonth(plan, [], '2026-01-31').moves).toEqual([]);
  });
});
