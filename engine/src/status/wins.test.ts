import { describe, expect, it } from 'vitest';
import { handPlan, tx } from '../../test/builders';
import { computeMonth } from '../month/compute-month';
import { diffWins, isWinningDay, winMilestoneOf, winStreakOf } from './wins';

describe('wins: consecutive days at ≤ 80 % of plan', () => {
  it.each([
    [80, 100, true],
    [81, 100, false],
    [0, 0, true],
    [1, 0, false],
  ])('spent %i of %i planned: winning %s', (spent, planned, winning) => {
    expect(isWinningDay(spent, planned)).toBe(winning);
  });

  it.each([
    [6, null],
    [7, 7],
    [13, 7],
    [14, 14],
    [29, 14],
    [30, 30],
    [45, 30],
  ])('a %i-day streak has reached %s', (days, milestone) => {
    expect(winMilestoneOf(days)).toBe(milestone);
  });

  const plan = handPlan([
    { id: 'groceries', days: 100 },
    { id: 'rent', days: { 1: 5000 } },
    { id: 'savings', days: 50 },
  ]);
  const state = (today: number, day3 = 81) =>
    computeMonth(
      plan,
      [tx('groceries', 3, day3), tx('rent', 1, 5000), tx('groceries', 5, 80)],
      `2026-02-${String(today).padStart(2, '0')}`,
    );

  it('counts finished winning days back from yesterday, judged against the original plan', () => {
    expect(winStreakOf(state(10))).toBe(6); // days 4–9; day 3 spent 81 of 100
    expect(winStreakOf(state(10, 80))).toBe(9); // bills and savings do not count
    expect(winStreakOf(state(10, 80), 5)).toBe(14); // continues last month's streak
    expect(winStreakOf(state(10), 5)).toBe(6);
  });

  it('reports a newly reached milestone once, with a 7-day cooldown key', () => {
    expect(diffWins(state(9), state(10))).toEqual(null);
    expect(diffWins(state(9, 0), state(10, 0))).toEqual(null); // already 8 → 9: milestone 7 was reached
    expect(diffWins(state(7, 0), state(8, 0))).toEqual({
      milestone: 7,
      streakDays: 7,
      cooldownKey: 'win',
      cooldownMs: 604_800_000,
    });
    expect(diffWins(null, state(10, 0), { carryInDays: 5 })).toMatchObject({
      milestone: 14,
      streakDays: 14,
    });
  });
});
