import { describe, expect, it } from 'vitest';
import { computeMonthPace } from './spending-pace';

const input = { planMinor: 310000, planDays: 31, firstDate: '2026-03-01' };

describe('month pace', () => {
  it.each([
    // 10 days of 31: 100.00 expected; spent 100.00 → on plan
    [100000, 10, 100000, 'none', 1],
    // 120.00 after 10 days: 1.2 → watch, runs out on day ceil(3100 × 10 / 1200)= 26
    [120000, 10, 100000, 'watch', 1.2],
    [150000, 10, 100000, 'warning', 1.5],
    [200000, 10, 100000, 'critical', 2],
  ] as const)('spent %i after %i days', (spentMinor, elapsedDays, expected, level, ratio) => {
    const pace = computeMonthPace({ ...input, spentMinor, elapsedDays });
    expect(pace.expectedToDateMinor).toBe(expected);
    expect(pace.aheadMinor).toBe(spentMinor - expected);
    expect(pace.level).toBe(level);
    expect(pace.ratio).toBeCloseTo(ratio, 12);
  });

  it('dates the run-out day and floors the expected amount', () => {
    const pace = computeMonthPace({ ...input, planMinor: 100, spentMinor: 60, elapsedDays: 10 });
    expect(pace.expectedToDateMinor).toBe(32); // 100 × 10 / 31 = 32.26
    expect(pace.runOutOn).toBe('2026-03-17'); // ceil(100 × 10 / 60) = 17
  });

  it('has no level before day 3, and counts a finished month whole', () => {
    expect(computeMonthPace({ ...input, spentMinor: 50000, elapsedDays: 2 })).toMatchObject({
      level: 'none',
      ratio: null,
      expectedToDateMinor: 20000,
    });
    expect(computeMonthPace({ ...input, spentMinor: 300000, elapsedDays: 40 })).toMatchObject({
      elapsedDays: 31,
      expectedToDateMinor: 310000,
      aheadMinor: -10000,
    });
  });
});
