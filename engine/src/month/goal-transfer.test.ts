import { describe, expect, it } from 'vitest';
import { allocations, dayRange, handPlan, repeat, tx } from '../../test/builders';
import { diffBudgetAlerts } from '../status/alerts';
import { computeMonth } from './compute-month';

const START = '2026-02-01';
const GOAL = 'goal:trip';

describe('money put aside for a goal is a transfer, never an overspend (docs/goals.md)', () => {
  it("in the goal's first month (no reservation yet) it comes out of Flex and the day stays green", () => {
    // The plan was made before the goal: it has no `goal:trip` category.
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: 'groceries', days: 50 },
    ]);
    const month = computeMonth(plan, [tx(GOAL, 3, 500)], START);
    expect(month.cell(3, GOAL)).toMatchObject({
      allocationMinor: 500,
      spentMinor: 500,
      coveredMinor: 0,
      uncoveredMinor: 0,
      status: 'green',
    });
    expect(month.day(3)?.categories.every((cell) => cell.status === 'green')).toBe(true);
    expect(month.moves).toEqual([
      {
        reason: 'goal_transfer',
        fromCategoryId: 'flex',
        toCategoryId: GOAL,
        fromDays: dayRange(4, 28),
        toDays: [3],
        amountMinor: 500,
        onDay: 3,
      },
    ]);
    // Flex's later days gave it, 20 each over 25 days; groceries are untouched.
    expect(allocations(month, 'flex')).toEqual([100, 100, 100, ...repeat(25, 80)]);
    expect(allocations(month, 'groceries')).toEqual(repeat(28, 50));
    expect(month.totals.deficitMinor).toBe(0);
    expect(diffBudgetAlerts(null, month)).toEqual([]);
  });

  it("uses the goal's own reservation of later days first, then Flex", () => {
    const plan = handPlan([
      { id: 'flex', days: 100 },
      { id: GOAL, behaviour: 'spread', priority: 'sacred', days: 10 },
    ]);
    // The month's 280 put aside at once on day 1: 10 planned that day, 270 from days 2–28.
    const month = computeMonth(plan, [tx(GOAL, 1, 280)], START);
    expect(month.cell(1, GOAL)).toMatchObject({ allocationMinor: 280, status: 'green' });
    expect(allocations(month, GOAL)).toEqual([280, ...repeat(27, 0)]);
    expect(allocations(month, 'flex')).toEqual(repeat(28, 100));
    expect(month.moves.map((m) => [m.reason, m.fromCategoryId, m.amountMinor])).toEqual([
      ['goal_transfer', GOAL, 270],
    ]);
    // Beyond the reservation, Flex gives the rest.
    const more = computeMonth(plan, [tx(GOAL, 1, 380)], START);
    expect(more.moves.map((m) => [m.reason, m.fromCategoryId, m.amountMinor])).toEqual([
      ['goal_transfer', GOAL, 270],
      ['goal_transfer', 'flex', 100],
    ]);
    expect(more.cell(1, GOAL)?.status).toBe('green');
  });

  it('beyond what the reservation and Flex hold, the rest is an overspend like any other', () => {
    const plan = handPlan([
      { id: 'flex', days: { 2: 3000 } },
      { id: 'dining_out', days: { 5: 10000 } },
    ]);
    const month = computeMonth(plan, [tx(GOAL, 1, 20000)], START);
    expect(month.moves.map((m) => [m.reason, m.fromCategoryId, m.amountMinor])).toEqual([
      ['goal_transfer', 'flex', 3000],
      ['overspend', 'dining_out', 10000],
    ]);
    // Measured against the 3000 put aside from Flex: 170.00 over, red.
    expect(month.cell(1, GOAL)).toMatchObject({
      allocationMinor: 13000,
      coveredMinor: 10000,
      uncoveredMinor: 7000,
      status: 'red',
    });
    expect(month.totals.deficitMinor).toBe(7000);
  });
});
