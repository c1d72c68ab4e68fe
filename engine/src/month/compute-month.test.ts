import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { allocations, handPlan, repeat, tx } from '../../test/builders';
import { generatePlan } from '../plan/generate-plan';
import { isTrustedPlan, preparePlan } from '../plan/trusted-plan';
import type { Plan } from '../plan/types';
import { computeMonth } from './compute-month';

const START = '2026-02-01'; // nothing finished yet: no rollover in the cover examples

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
    expect(allocations(computeMonth(plan, [], START), 'flex')).toEqual(repeat(28, 100));
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
  it('zero income: spending has no donor and becomes the month deficit', () => {
    const plan = generatePlan({
      userId: 'u',
      month: '2026-02',
      currency: 'USD',
      timeZone: 'UTC',
      incomeMinor: 0,
    });
    const month = computeMonth(
      plan,
      [tx('groceries', 2, 1500), tx('dining_out', 3, 800)],
      '2026-02-05',
    );
    expect(month.totals).toEqual({
      plannedMinor: 0,
      allocatedMinor: 0,
      spentMinor: 2300,
      deficitMinor: 2300,
    });
    expect(month.moves).toEqual([]);
    expect(month.cell(2, 'groceries')?.status).toBe('red');
  });

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
