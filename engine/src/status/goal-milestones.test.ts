import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { crossedGoalMilestones } from '../goals/goals';
import { diffGoalMilestones } from './goal-milestones';
import { defaultLargeTransactionThreshold, isLargeTransaction } from './large-transaction';

describe('goal milestones are crossings', () => {
  it.each([
    [200, 800, [25, 50, 75]],
    [249, 250, [25]],
    [250, 499, []],
    [890, 900, [90]],
    [999, 1000, [100]],
    [1000, 1200, []],
    [800, 200, []],
    [0, 0, []],
  ])('saved %i → %i of 1,000 crosses %j', (before, after, crossed) => {
    expect(
      crossedGoalMilestones(
        { targetMinor: 1000, savedMinor: before },
        { targetMinor: 1000, savedMinor: after },
      ),
    ).toEqual(crossed);
  });

  it('reports the highest crossing per goal; a new goal starts from zero', () => {
    expect(
      diffGoalMilestones(
        [
          { id: 'a', targetMinor: 1000, savedMinor: 100 },
          { id: 'b', targetMinor: 1000, savedMinor: 600 },
        ],
        [
          { id: 'a', targetMinor: 1000, savedMinor: 600 },
          { id: 'b', targetMinor: 1000, savedMinor: 650 },
          { id: 'c', targetMinor: 100, savedMinor: 30 },
        ],
      ),
    ).toEqual([
      { goalId: 'a', milestone: 50, crossed: [25, 50] },
      { goalId: 'c', milestone: 25, crossed: [25] },
    ]);
  });
});

describe('large transactions', () => {
  it.each([
    ['USD', undefined, 20000],
    ['EUR', '0.92', 18400],
    ['EUR', '0.923456', 18470], // 184.6912 rounded up to the cent
    ['JPY', '151.37', 30274],
    ['KWD', '0.3071', 61420],
  ])('default threshold in %s at %s per USD is %i', (currency, rate, threshold) => {
    expect(defaultLargeTransactionThreshold(currency, rate)).toBe(threshold);
  });

  it('needs a rate outside USD', () => {
    expectCode(() => defaultLargeTransactionThreshold('EUR'), 'INPUT_INVALID');
  });

  it.each([
    [20000, 'expense', false],
    [20001, 'expense', true],
    [90000, 'income', false],
    [90000, 'transfer', false],
  ] as const)('%i (%s) is large: %s', (amountMinor, direction, large) => {
    expect(isLargeTransaction({ amountMinor, direction }, 20000)).toBe(large);
  });
});
