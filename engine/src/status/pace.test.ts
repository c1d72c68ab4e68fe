import { describe, expect, it } from 'vitest';
import { handPlan, tx } from '../../test/builders';
import { computeMonth } from '../month/compute-month';
import { applyCooldowns } from './cooldown';
import { computePace, diffPaceAlerts, paceOf, type PaceLevel } from './pace';

describe('computePace: ratio = (spent / elapsed) / (plan / days)', () => {
  it.each<[number, number, PaceLevel, string | null]>([
    [300, 3, 'none', '2026-03-31'], // ratio 1.0: runs out on the last day
    [359, 3, 'none', '2026-03-26'],
    [360, 3, 'watch', '2026-03-26'], // exactly 1.2
    [449, 3, 'watch', '2026-03-21'],
    [450, 3, 'warning', '2026-03-21'], // exactly 1.5
    [600, 3, 'critical', '2026-03-16'], // exactly 2.0: 3,100 × 3 / 600 = 15.5 → day 16
    [290, 3, 'none', null], // will not run out this month
    [900, 2, 'none', null], // not before day 3
    [0, 10, 'none', null],
  ])(
    'spent %i after %i days of a 3,100 / 31-day plan → %s, runs out %s',
    (spent, elapsed, level, runOutOn) => {
      const pace = computePace({
        spentMinor: spent,
        planMinor: 3100,
        elapsedDays: elapsed,
        planDays: 31,
        firstDate: '2026-03-01',
      });
      expect(pace.level).toBe(level);
      expect(pace.runOutOn).toBe(runOutOn);
    },
  );

  it('has no pace without a plan', () => {
    expect(
      computePace({
        spentMinor: 500,
        planMinor: 0,
        elapsedDays: 5,
        planDays: 31,
        firstDate: '2026-03-01',
      }).level,
    ).toBe('none');
  });
});

describe('pace of a month state and its alerts', () => {
  const plan = handPlan([
    { id: 'groceries', days: 100 },
    { id: 'savings', days: 100 },
    { id: 'rent', days: { 1: 2800 } },
    { id: 'flex', days: 1000 },
  ]);
  const on = (day: number, spent: number, category = 'groceries') =>
    computeMonth(plan, [tx(category, 1, spent)], `2026-02-${String(day).padStart(2, '0')}`);

  it('measures spending to date against the plan (28 days)', () => {
    expect(paceOf(on(5, 600), 'groceries')).toMatchObject({
      level: 'watch',
      ratio: 1.2,
      runOutOn: '2026-02-24',
    });
  });

  it('is never computed for sacred or fixed categories', () => {
    expect(paceOf(on(5, 5000, 'savings'), 'savings').level).toBe('none');
    expect(paceOf(on(5, 9000, 'rent'), 'rent').level).toBe('none');
  });

  it('reports a rise in level, with a 24 h cooldown key per category', () => {
    const alerts = diffPaceAlerts(on(5, 600), on(5, 800));
    expect(alerts).toEqual([
      {
        categoryId: 'groceries',
        level: 'warning',
        ratio: 1.6,
        runOutOn: '2026-02-18',
        cooldownKey: 'pace:groceries',
        cooldownMs: 86_400_000,
      },
    ]);
    expect(diffPaceAlerts(on(5, 800), on(5, 850))).toEqual([]);
  });

  it('drops alerts still cooling down', () => {
    const alerts = diffPaceAlerts(null, on(5, 800));
    const now = Date.UTC(2026, 1, 5, 12);
    expect(applyCooldowns(alerts, { 'pace:groceries': now - 10 * 3_600_000 }, now)).toEqual([]);
    expect(applyCooldowns(alerts, { 'pace:groceries': now - 25 * 3_600_000 }, now)).toEqual(alerts);
    expect(applyCooldowns(alerts, {}, now)).toEqual(alerts);
  });
});
