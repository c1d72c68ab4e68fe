import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { handPlan, tx } from '../../test/builders';
import { computeMonth } from '../month/compute-month';
import type { GoalStatus } from './goals';
import { monthSurplusMinor, splitSurplusToGoals, type SurplusGoal } from './surplus';

const goal = (
  id: string,
  targetMinor: number,
  savedMinor: number,
  priority?: number,
  status: GoalStatus = 'active',
): SurplusGoal => ({ id, targetMinor, savedMinor, status, ...(priority ? { priority } : {}) });

describe('the surplus of a finished month (docs/goals.md, Surplus rollover)', () => {
  // February 2026 has 28 days; the month is read from March, so every day is finished.
  const plan = handPlan([
    { id: 'rent', behaviour: 'fixed', priority: 'sacred', days: { 1: 100_000 } },
    { id: 'savings', days: 1_000 },
    { id: 'groceries', days: 2_000 },
    { id: 'dining_out', days: { 6: 5_000, 7: 5_000 } },
    { id: 'flex', days: 500 },
  ]);
  const spendable = 28 * 2_000 + 10_000 + 28 * 500;

  it.each<[string, Parameters<typeof tx>[], number]>([
    ['nothing spent: every spendable category’s month', [], spendable],
    ['spending lowers it', [['groceries', 3, 1_234]], spendable - 1_234],
    // Unpaid rent, unspent savings: neither is surplus.
    ['bills and savings are left out', [['rent', 1, 50_000]], spendable],
    ['a covered overspend is spending', [['dining_out', 6, 9_000]], spendable - 9_000],
    ['rent above its bill is taken from it too', [['rent', 2, 100_500]], spendable - 500],
    ['never below zero', [['groceries', 28, spendable + 1]], 0],
  ])('%s', (_, transactions, expected) => {
    const month = computeMonth(
      plan,
      transactions.map((t) => tx(...t)),
      '2026-03-01',
    );
    expect(monthSurplusMinor(month)).toBe(expected);
  });

  it.each<[string, Parameters<typeof tx>, number]>([
    ['in a spendable category', ['dining_out', 28, 10_700], spendable - 10_700],
    ['in a bill', ['rent', 28, 100_500], spendable - 500],
  ])('an overspend on the last day no donor can cover counts against it: %s', (_, t, expected) => {
    const month = computeMonth(plan, [tx(...t)], '2026-03-01');
    expect(month.totals.deficitMinor).toBeGreaterThan(0);
    expect(monthSurplusMinor(month)).toBe(expected);
  });

  it('the same with every rollover mode but savings, which saves the underspend day by day', () => {
    const ledger = [tx('groceries', 3, 1_000)];
    for (const rollover of ['spread', 'next_day'] as const)
      expect(monthSurplusMinor(computeMonth(plan, ledger, '2026-03-01', { rollover }))).toBe(
        spendable - 1_000,
      );
    const saved = computeMonth(plan, ledger, '2026-03-01', { rollover: 'savings' });
    expect(monthSurplusMinor(saved)).toBe(0);
  });

  it('only a finished month has one', () => {
    expectCode(() => monthSurplusMinor(computeMonth(plan, [], '2026-02-28')), 'INPUT_INVALID');
  });
});

describe('the surplus split among goals by priority', () => {
  it.each<[string, number, SurplusGoal[], [string, number][], number]>([
    ['no goals: it all stays', 5_000, [], [], 5_000],
    ['one goal takes what it needs', 5_000, [goal('a', 10_000, 8_000)], [['a', 2_000]], 3_000],
    ['one goal takes all when it needs more', 5_000, [goal('a', 10_000, 0)], [['a', 5_000]], 0],
    [
      'priority 1 first, then 2',
      5_000,
      [goal('b', 10_000, 0, 2), goal('a', 3_000, 1_000, 1)],
      [
        ['a', 2_000],
        ['b', 3_000],
      ],
      0,
    ],
    [
      'equal priorities: by id',
      1_000,
      [goal('z', 900, 0, 1), goal('m', 900, 0, 1)],
      [
        ['m', 900],
        ['z', 100],
      ],
      0,
    ],
    [
      'paused, completed and reached goals take nothing',
      1_000,
      [
        goal('p', 900, 0, 1, 'paused'),
        goal('c', 900, 0, 1, 'completed'),
        goal('r', 900, 900, 1),
        goal('o', 900, 1_200, 1),
        goal('n', 300, 0, 3),
      ],
      [['n', 300]],
      700,
    ],
    [
      'a goal without a priority comes last',
      500,
      [goal('x', 400, 0), goal('y', 400, 0, 9)],
      [
        ['y', 400],
        ['x', 100],
      ],
      0,
    ],
    ['nothing to share', 0, [goal('a', 10_000, 0)], [], 0],
  ])('%s', (_, surplus, goals, shares, left) => {
    const split = splitSurplusToGoals(surplus, goals);
    expect(split.shares.map((s) => [s.goalId, s.amountMinor])).toEqual(shares);
    expect(split.leftMinor).toBe(left);
    expect(split.movedMinor).toBe(surplus - left);
  });

  it('refuses amounts that are not minor units and duplicate ids', () => {
    expectCode(() => splitSurplusToGoals(1.5, []), 'MONEY_OUT_OF_RANGE');
    expectCode(() => splitSurplusToGoals(-1, []), 'MONEY_OUT_OF_RANGE');
    expectCode(
      () => splitSurplusToGoals(10, [goal('a', 10, 0), goal('a', 20, 0)]),
      'INPUT_INVALID',
    );
  });

  const goals = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      targetMinor: fc.integer({ min: 1, max: 1_000_000 }),
      savedMinor: fc.nat(1_200_000),
      status: fc.constantFrom<GoalStatus>('active', 'active', 'paused', 'completed', 'cancelled'),
      priority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    }),
    { selector: (g) => g.id, maxLength: 8 },
  );

  it('moves exactly min(surplus, Σ needed), never more than a goal needs, in priority order, deterministically', () => {
    fc.assert(
      fc.property(fc.nat(3_000_000), goals, (surplus, list) => {
        const split = splitSurplusToGoals(surplus, list);
        const needOf = (g: SurplusGoal) =>
          g.status === 'active' ? Math.max(0, g.targetMinor - g.savedMinor) : 0;
        const needed = list.reduce((sum, g) => sum + needOf(g), 0);
        const moved = split.shares.reduce((sum, s) => sum + s.amountMinor, 0);
        expect(moved).toBe(Math.min(surplus, needed));
        expect(split.movedMinor + split.leftMinor).toBe(surplus);
        const byId = new Map(list.map((g) => [g.id, g]));
        const rank = (id: string) => byId.get(id)?.priority ?? Number.MAX_SAFE_INTEGER;
        split.shares.forEach((share, index) => {
          const g = byId.get(share.goalId);
          expect(g?.status).toBe('active');
          expect(share.amountMinor).toBeGreaterThan(0);
          expect(share.amountMinor).toBeLessThanOrEqual(g ? needOf(g) : 0);
          // Served in order, and only the last goal served may be short of what it needs.
          const next = split.shares[index + 1];
          if (next) {
            expect(rank(share.goalId)).toBeLessThanOrEqual(rank(next.goalId));
            expect(share.amountMinor).toBe(g ? needOf(g) : -1);
          }
        });
        // A goal left out while money is left over needed nothing.
        if (split.leftMinor > 0) {
          const served = new Set(split.shares.map((s) => s.goalId));
          for (const g of list) if (!served.has(g.id)) expect(needOf(g)).toBe(0);
        }
        expect(splitSurplusToGoals(surplus, [...list].reverse())).toEqual(split);
      }),
    );
  });
});
