import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { allocations, handPlan, tx } from '../../test/builders';
import { generatePlan } from '../plan/generate-plan';
import { isTrustedPlan, preparePlan } from '../plan/trusted-plan';
import type { Plan } from '../plan/types';
import { computeMonth } from './compute-month';

/** `count` copies of `value`. */
const times = (count: number, value: number): number[] => new Array<number>(count).fill(value);
const days = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const START = '2026-02-01'; // nothing finished yet: no rollover in the cover examples

describe('overspend: donor tiers (domain §4), February 2026', () => {
  it('takes from Flex first, in proportion to its later days, extra units to earlier days', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: { 1: 20 } },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 70)], START);
    // 50 from 27 days × 100: 1 each + 23 extra units to days 2–24.
    expect(allocations(month, 'flex')).toEqual([100, ...times(23, 98), ...times(4, 99)]);
    expect(month.cell(1, 'dining_out')).toMatchObject({
      allocationMinor: 70,
      spentMinor: 70,
      coveredMinor: 50,
      uncoveredMinor: 0,
      remainingMinor: 0,
      status: 'yellow', // 50 over the 20 it had, within the 2.00 USD floor
    });
    expect(month.moves).toEqual([
      {
        reason: 'overspend',
        fromCategoryId: 'flex',
        toCategoryId: 'dining_out',
        fromDays: days(2, 28),
        toDays: [1],
        amountMinor: 50,
        onDay: 1,
      },
    ]);
  });

  it('then the category’s own later days when it is discretionary', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 30 } },
      { id: 'dining_out', days: { 1: 20, 5: 100, 9: 100 } },
      { id: 'entertainment', days: { 3: 100 } },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 120)], START);
    expect(allocations(month, 'flex')[1]).toBe(0);
    expect(allocations(month, 'dining_out').filter((v) => v > 0)).toEqual([120, 65, 65]);
    expect(allocations(month, 'entertainment')[2]).toBe(100);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor, m.fromDays])).toEqual([
      ['flex', 30, [2]],
      ['dining_out', 70, [5, 9]],
    ]);
  });

  it('a protected category: discretionary, then flexible, then protected including its own days', () => {
    const plan = handPlan([
      { id: 'groceries', days: 50 },
      { id: 'dining_out', days: { 4: 100 } },
      { id: 'coffee', days: { 2: 60, 3: 60 } },
    ]);
    const month = computeMonth(plan, [tx('groceries', 1, 350)], START);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor, m.fromDays.length])).toEqual([
      ['dining_out', 100, 1],
      ['coffee', 120, 2],
      ['groceries', 80, 27], // 80 of 1,350: 2 each + 26 extra units to days 2–27
    ]);
    expect(allocations(month, 'groceries')).toEqual([350, ...times(26, 47), 48]);
    expect(allocations(month, 'coffee')).toEqual(times(28, 0));
  });

  it('other discretionary categories share in proportion to their later allocations', () => {
    const plan = handPlan([
      { id: 'clothing', days: { 1: 10 } },
      { id: 'dining_out', days: { 5: 300 } },
      { id: 'entertainment', days: { 6: 100 } },
      { id: 'groceries', days: 50 },
    ]);
    const month = computeMonth(plan, [tx('clothing', 1, 50)], START);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor])).toEqual([
      ['dining_out', 30],
      ['entertainment', 10],
    ]);
    expect(allocations(month, 'groceries')).toEqual(times(28, 50));
  });

  it('discretionary donors give before flexible ones', () => {
    const plan = handPlan([
      { id: 'dining_out', days: { 1: 0 } },
      { id: 'entertainment', days: { 3: 20 } },
      { id: 'coffee', days: { 2: 100 } },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 50)], START);
    expect(month.moves.map((m) => [m.fromCategoryId, m.amountMinor])).toEqual([
      ['entertainment', 20],
      ['coffee', 30],
    ]);
  });

  it('never takes from sacred categories: with only sacred donors the overspend stays uncovered', () => {
    const plan = handPlan([
      { id: 'savings', days: 100 },
      { id: 'rent', days: { 1: 1000 } },
      { id: 'goal:trip', behaviour: 'spread', priority: 'sacred', days: 10 },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 500)], START);
    expect(month.moves).toEqual([]);
    expect(month.cell(1, 'dining_out')).toMatchObject({
      allocationMinor: 0,
      uncoveredMinor: 500,
      status: 'red',
    });
    expect(month.totals).toEqual({
      plannedMinor: 4080,
      allocatedMinor: 4080,
      spentMinor: 500,
      deficitMinor: 500,
    });
  });

  it('leaves an overspend on the last day of the month uncovered', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 28, 80)], START);
    expect(month.totals.deficitMinor).toBe(80);
    expect(allocations(month, 'flex')).toEqual(times(28, 100));
  });

  it('never takes a day below zero: what donors lack stays uncovered', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 30 } },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 100)], START);
    expect(month.cell(2, 'flex')?.allocationMinor).toBe(0);
    expect(month.cell(1, 'dining_out')).toMatchObject({ coveredMinor: 30, uncoveredMinor: 70 });
  });

  it('handles categories of a day in order: protected before discretionary', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 60 } },
      { id: 'groceries', days: { 1: 10 } },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(plan, [tx('dining_out', 1, 30), tx('groceries', 1, 60)], START);
    expect(month.cell(1, 'groceries')).toMatchObject({ coveredMinor: 50, uncoveredMinor: 0 });
    expect(month.cell(1, 'dining_out')).toMatchObject({ coveredMinor: 10, uncoveredMinor: 20 });
  });
});

describe('fixed categories are monthly', () => {
  const plan = handPlan([
    { id: 'rent', days: { 1: 100000 } },
    { id: 'flex', days: 100 },
  ]);

  it('rent paid on the 3rd is neither an overspend on the 3rd nor an underspend on the 1st', () => {
    const month = computeMonth(plan, [tx('rent', 3, 100000)], '2026-02-10');
    expect(
      month.moves.filter((m) => m.fromCategoryId === 'rent' || m.toCategoryId === 'rent'),
    ).toEqual([]);
    expect(month.cell(1, 'rent')).toMatchObject({ remainingMinor: 100000, status: 'green' });
    expect(month.cell(3, 'rent')).toMatchObject({
      remainingMinor: 0,
      status: 'green',
      coveredMinor: 0,
    });
  });

  it('rent paid in two parts is still within the month', () => {
    const month = computeMonth(plan, [tx('rent', 1, 60000), tx('rent', 20, 40000)], START);
    expect(month.moves).toEqual([]);
  });

  it('only spending beyond the month allocation is an overspend, on the day it happens', () => {
    const month = computeMonth(plan, [tx('rent', 1, 100000), tx('rent', 10, 900)], START);
    expect(month.moves).toEqual([
      {
        reason: 'overspend',
        fromCategoryId: 'flex',
        toCategoryId: 'rent',
        fromDays: days(11, 28),
        toDays: [10],
        amountMinor: 900,
        onDay: 10,
      },
    ]);
    expect(allocations(month, 'flex').slice(10)).toEqual(times(18, 50));
    // Month-to-date 1,009.00 against 1,000.00: over by 9.00 ≤ T = max(2, min(25, 50)) → yellow.
    expect(month.cell(10, 'rent')).toMatchObject({ allocationMinor: 900, status: 'yellow' });
  });
});

describe('underspend of finished days (rollover)', () => {
  it('spread: equally over the later days, extra units to earlier days', () => {
    const plan = handPlan([{ id: 'groceries', days: 100 }]);
    const month = computeMonth(plan, [tx('groceries', 1, 40)], '2026-02-03');
    expect(allocations(month, 'groceries')).toEqual([
      40,
      0,
      ...times(5, 107),
      ...times(20, 106),
      105,
    ]);
    expect(month.moves).toEqual([
      {
        reason: 'rollover_spread',
        fromCategoryId: 'groceries',
        toCategoryId: 'groceries',
        fromDays: [1],
        toDays: days(2, 28),
        amountMinor: 60,
        onDay: 1,
      },
      {
        reason: 'rollover_spread',
        fromCategoryId: 'groceries',
        toCategoryId: 'groceries',
        fromDays: [2],
        toDays: days(3, 28),
        amountMinor: 103,
        onDay: 2,
      },
    ]);
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
    expect(allocations(month, 'groceries')).toEqual([40, 0, 260, ...times(25, 100)]);
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
    expect(allocations(month, 'savings')).toEqual(times(28, 10));
    expect(allocations(month, 'rent')[0]).toBe(500);
    const groceries = allocations(month, 'groceries');
    expect(groceries.slice(0, 9)).toEqual(times(9, 0)); // days 1–9 finished, unspent, rolled on
    expect(groceries.slice(9).every((v) => v > 100)).toBe(true);
    expect(month.moves.every((m) => m.fromCategoryId === 'groceries' && m.onDay <= 9)).toBe(true);
  });

  it('after the month ends every day is finished; the last day has nowhere to go', () => {
    const plan = handPlan([{ id: 'groceries', days: 100 }]);
    const month = computeMonth(plan, [], '2026-03-05');
    expect(allocations(month, 'groceries')).toEqual([...times(27, 0), 2800]);
    expect(computeMonth(plan, [], '2026-01-31').moves).toEqual([]);
  });
});

describe('ledger handling', () => {
  it('counts only expenses', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: {} },
    ]);
    const month = computeMonth(
      plan,
      [
        tx('dining_out', 1, 500, { direction: 'income' }),
        tx('dining_out', 1, 500, { direction: 'transfer' }),
      ],
      START,
    );
    expect(month.totals.spentMinor).toBe(0);
    expect(month.moves).toEqual([]);
  });

  it('ignores other months', () => {
    const plan = handPlan([{ id: 'dining_out', days: {} }]);
    const month = computeMonth(
      plan,
      [
        tx('dining_out', 1, 500, { month: '2026-03' }),
        tx('dining_out', 31, 500, { month: '2026-01' }),
      ],
      START,
    );
    expect(month.totals.spentMinor).toBe(0);
  });

  it('gives spending in an unplanned category a zero allocation, covered like any other', () => {
    const plan = handPlan([{ id: 'flex', days: 100 }]);
    const month = computeMonth(plan, [tx('gadgets', 1, 270), tx('pets', 2, 260)], START, {
      categories: [{ id: 'pets', name: 'Pets', behaviour: 'spread', priority: 'discretionary' }],
    });
    expect(month.categories.find((c) => c.id === 'gadgets')).toMatchObject({
      planMinor: 0,
      allocationMinor: 270,
      priority: 'discretionary',
    });
    expect(month.categories.find((c) => c.id === 'pets')).toMatchObject({
      name: 'Pets',
      allocationMinor: 260,
      priority: 'discretionary',
    });
    expect(month.totals).toMatchObject({
      plannedMinor: 2800,
      allocatedMinor: 2800,
      deficitMinor: 0,
    });
  });

  it('in a mid-month plan, does not charge non-fixed spending before the first day; bills stay monthly', () => {
    const plan = handPlan(
      [
        { id: 'groceries', days: 100 },
        { id: 'rent', days: { 15: 1000 } },
      ],
      { firstDay: 15 },
    );
    const month = computeMonth(plan, [tx('groceries', 3, 500), tx('rent', 2, 1000)], '2026-02-15');
    expect(month.cell(3, 'groceries')?.spentMinor).toBe(0);
    expect(month.totals).toMatchObject({ spentMinor: 1000, deficitMinor: 0 });
    expect(month.moves).toEqual([]);
  });

  it('gives donors their money back when the overspend is deleted', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: { 1: 20 } },
    ]);
    const overspend = tx('dining_out', 1, 70, { id: 't1' });
    expect(allocations(computeMonth(plan, [overspend], START), 'flex')[1]).toBe(98);
    expect(allocations(computeMonth(plan, [], START), 'flex')).toEqual(times(28, 100));
  });

  it.each([
    ['a negative amount', { ...tx('flex', 1, 1), amountMinor: -5 }, 'TRANSACTION_INVALID'],
    ['a fractional amount', { ...tx('flex', 1, 1), amountMinor: 1.5 }, 'TRANSACTION_INVALID'],
    ['a malformed date', { ...tx('flex', 1, 1), bookedOn: '2026-2-01' }, 'TRANSACTION_INVALID'],
    [
      'a day the month lacks',
      { ...tx('flex', 1, 1), bookedOn: '2026-02-30' },
      'TRANSACTION_INVALID',
    ],
    [
      'an unknown direction',
      { ...tx('flex', 1, 1), direction: 'refund' as 'expense' },
      'TRANSACTION_INVALID',
    ],
    ['another currency', { ...tx('flex', 1, 1), currency: 'EUR' }, 'CURRENCY_MISMATCH'],
  ] as const)('rejects %s', (_label, bad, code) => {
    expectCode(() => computeMonth(handPlan([{ id: 'flex', days: 1 }]), [bad], START), code);
  });

  it('rejects a bad today, a bad rollover setting and a broken plan', () => {
    const plan = handPlan([{ id: 'flex', days: 1 }]);
    expectCode(() => computeMonth(plan, [], '2026-02-30'), 'DATE_INVALID');
    expectCode(
      () => computeMonth(plan, [], START, { rollover: 'weekly' as 'spread' }),
      'INPUT_INVALID',
    );
    const broken = {
      ...plan,
      categories: plan.categories.map((c) => ({ ...c, amountMinor: c.amountMinor + 1 })),
    };
    expectCode(() => computeMonth(broken, [], START), 'PLAN_INVALID');
  });
});

describe('with a generated plan', () => {
  it('conserves the plan total and explains each donor move', () => {
    const plan = generatePlan({
      userId: 'u',
      month: '2026-03',
      currency: 'USD',
      region: 'US',
      timeZone: 'America/New_York',
      incomeMinor: 500000,
      bills: [{ name: 'Rent', amountMinor: 150000 }],
    });
    const month = computeMonth(
      plan,
      [
        tx('rent', 2, 150000, { month: '2026-03' }),
        tx('dining_out', 3, 25000, { month: '2026-03' }),
      ],
      '2026-03-03',
    );
    expect(month.totals.allocatedMinor).toBe(500000);
    const overspend = month.moves.filter((m) => m.reason === 'overspend');
    expect(overspend.reduce((sum, m) => sum + m.amountMinor, 0)).toBe(
      month.cell(3, 'dining_out')?.coveredMinor,
    );
    expect(overspend[0]?.fromCategoryId).toBe('flex');
    expect(month.todayView()?.date).toBe('2026-03-03');
    expect(JSON.parse(JSON.stringify(month))).toMatchObject({
      month: '2026-03',
      totals: { plannedMinor: 500000 },
    });
  });
});

describe('stored plans', () => {
  it('preparePlan checks a stored plan and returns a trusted frozen copy that computes the same', () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'dining_out', days: { 1: 20 } },
    ]);
    const stored = JSON.parse(JSON.stringify(plan)) as typeof plan;
    const prepared = preparePlan(stored);
    expect(isTrustedPlan(stored)).toBe(false);
    expect(isTrustedPlan(prepared)).toBe(true);
    expect(Object.isFrozen(prepared.categories[0]?.days)).toBe(true);
    const ledger = [tx('dining_out', 1, 70)];
    expect(JSON.stringify(computeMonth(prepared, ledger, START))).toBe(
      JSON.stringify(computeMonth(stored, ledger, START)),
    );
  });

  it.each([
    ['an unknown version', (p: Plan) => ({ ...p, version: 2 as 1 })],
    ['days of the wrong month length', (p: Plan) => ({ ...p, daysInMonth: 31 })],
    [
      'a negative allocation',
      (p: Plan) => ({
        ...p,
        categories: p.categories.map((c) => ({
          ...c,
          days: c.days.map((v, i) => (i === 0 ? -1 : v)),
          amountMinor: c.amountMinor - 101,
        })),
      }),
    ],
    [
      'a duplicate category',
      (p: Plan) => ({ ...p, categories: [...p.categories, ...p.categories] }),
    ],
    [
      'an unknown priority',
      (p: Plan) => ({
        ...p,
        categories: p.categories.map((c) => ({ ...c, priority: 'vip' as 'sacred' })),
      }),
    ],
  ])('rejects %s', (_label, breakIt) => {
    const broken = breakIt(handPlan([{ id: 'flex', days: 100 }]));
    expectCode(() => preparePlan(broken), 'PLAN_INVALID');
    expectCode(() => computeMonth(broken, [], START), 'PLAN_INVALID');
  });
});
