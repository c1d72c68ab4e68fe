import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { goalMonthsLeft, goalProgress, goalReservationMinor, type GoalStatus } from './goals';

describe('goalProgress = min(saved / target, 1)', () => {
  it.each([
    [0, 1000, 0, 0, false],
    [333, 1000, 0.333, 33, false],
    [999, 1000, 0.999, 99, false],
    [1000, 1000, 1, 100, true],
    [1500, 1000, 1, 100, true],
  ])('saved %i of %i → ratio %f, %i %%', (savedMinor, targetMinor, ratio, percent, isComplete) => {
    expect(goalProgress({ savedMinor, targetMinor })).toEqual({
      ratio,
      percent,
      remainingMinor: Math.max(0, targetMinor - savedMinor),
      isComplete,
    });
  });

  it('needs a positive target', () => {
    expectCode(() => goalProgress({ savedMinor: 0, targetMinor: 0 }), 'INPUT_INVALID');
  });
});

describe('goal reservation = ⌈(target − saved) / months left⌉', () => {
  it.each([
    ['2026-07-20', '2026-03', 5],
    ['2026-03-31', '2026-03', 1],
    ['2026-01-10', '2026-03', 1], // overdue: reserve the rest now
    ['2027-02-01', '2026-03', 12],
  ])('due %s seen in %s: %i months left', (targetOn, month, months) => {
    expect(goalMonthsLeft(targetOn, month)).toBe(months);
  });

  it.each<[number, number, string | null, GoalStatus, number]>([
    [120000, 20000, '2026-07-20', 'active', 20000],
    [100000, 0, '2026-05-31', 'active', 33334], // 100,000 / 3 rounded up
    [100000, 100000, '2026-05-31', 'active', 0],
    [100000, 0, null, 'active', 0],
    [100000, 0, '2026-05-31', 'paused', 0],
    [100000, 0, '2026-05-31', 'completed', 0],
    [100000, 99999, '2026-01-01', 'active', 1],
  ])(
    'target %i, saved %i, due %s, %s → %i a month',
    (targetMinor, savedMinor, targetOn, status, reserve) => {
      expect(goalReservationMinor({ targetMinor, savedMinor, targetOn, status }, '2026-03')).toBe(
        reserve,
      );
    },
  );
});
