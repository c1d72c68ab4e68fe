import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { addCheckIn, computeHabitStats, type HabitInput } from './habits';

const march = (...days: number[]): string[] =>
  days.map((d) => `2026-03-${String(d).padStart(2, '0')}`);

describe('habit check-ins', () => {
  it('are idempotent per local day', () => {
    const once = addCheckIn(march(1, 2), '2026-03-03');
    expect(addCheckIn(once, '2026-03-03')).toEqual(once);
    expect(once).toEqual(march(1, 2, 3));
  });

  it('reject a non-date', () => {
    expectCode(() => addCheckIn([], '2026-03-32'), 'DATE_INVALID');
  });
});

describe('habit streaks and completion', () => {
  it.each<[string, HabitInput, Record<string, unknown>]>([
    [
      'daily, checked today',
      {
        frequency: 'daily',
        startedOn: '2026-03-01',
        today: '2026-03-10',
        checkIns: march(1, 2, 3, 4, 5, 7, 8, 9, 10, 10),
      },
      {
        currentStreak: 4,
        longestStreak: 5,
        completedPeriods: 9,
        judgedPeriods: 10,
        completionRate: 0.9,
      },
    ],
    [
      'daily, today not yet: the streak is still alive',
      {
        frequency: 'daily',
        startedOn: '2026-03-01',
        today: '2026-03-10',
        checkIns: march(1, 2, 3, 4, 5, 7, 8, 9),
      },
      {
        currentStreak: 3,
        longestStreak: 5,
        completedPeriods: 8,
        judgedPeriods: 9,
        isCurrentPeriodComplete: false,
      },
    ],
    [
      'weekly twice, weeks from Monday',
      {
        frequency: 'weekly',
        timesPerPeriod: 2,
        startedOn: '2026-03-02',
        today: '2026-03-25',
        checkIns: march(3, 5, 10, 16, 22, 23),
      },
      {
        currentStreak: 1,
        longestStreak: 1,
        completedPeriods: 2,
        judgedPeriods: 3,
        checkInsThisPeriod: 1,
      },
    ],
    [
      'weekly twice, weeks from Sunday',
      {
        frequency: 'weekly',
        timesPerPeriod: 2,
        weekStartsOn: 0,
        startedOn: '2026-03-02',
        today: '2026-03-25',
        checkIns: march(3, 5, 10, 16, 22, 23),
      },
      {
        currentStreak: 1,
        longestStreak: 1,
        completedPeriods: 2,
        judgedPeriods: 4,
        completionRate: 0.5,
        isCurrentPeriodComplete: true,
      },
    ],
    [
      'monthly',
      {
        frequency: 'monthly',
        startedOn: '2026-01-15',
        today: '2026-04-10',
        checkIns: ['2026-01-20', '2026-02-03', '2026-04-01'],
      },
      {
        currentStreak: 1,
        longestStreak: 2,
        completedPeriods: 3,
        judgedPeriods: 4,
        completionRate: 0.75,
      },
    ],
    [
      'ignores check-ins before the start or after today',
      {
        frequency: 'daily',
        startedOn: '2026-03-05',
        today: '2026-03-06',
        checkIns: march(1, 2, 3, 4, 7, 8),
      },
      { currentStreak: 0, completedPeriods: 0, judgedPeriods: 1, completionRate: 0 },
    ],
    [
      'nothing to judge on the first day',
      { frequency: 'daily', startedOn: '2026-03-05', today: '2026-03-05', checkIns: [] },
      { judgedPeriods: 0, completionRate: null },
    ],
  ])('%s', (_label, input, expected) => {
    expect(computeHabitStats(input)).toMatchObject(expected);
  });

  it('rejects a zero target', () => {
    expectCode(
      () =>
        computeHabitStats({
          frequency: 'daily',
          timesPerPeriod: 0,
          startedOn: '2026-03-01',
          today: '2026-03-02',
          checkIns: [],
        }),
      'INPUT_INVALID',
    );
  });
});
