import { describe, expect, it } from 'vitest';
import { HEALTH_WEIGHTS, computeHealthScore, type HealthInput } from './health';

const base: HealthInput = {
  incomeMinor: 600000,
  savingsTargetMinor: 60000,
  fixedBillsMinor: 170000,
  projectedSpendingMinor: 540000,
  finishedDays: 10,
  greenDays: 10,
  overspentMinor: 0,
  uncoveredMinor: 0,
};

const valuesOf = (input: Partial<HealthInput>) =>
  Object.fromEntries(
    computeHealthScore({ ...base, ...input }).components.map((c) => [c.id, c.value]),
  );

describe('financial health score', () => {
  it('weights add up to 100', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((s, w) => s + w, 0)).toBe(100);
  });

  it('is 100 when every component is at its target', () => {
    const result = computeHealthScore(base);
    expect(result.score).toBe(100);
    expect(result.components.map((c) => [c.id, c.weight, c.value, c.points])).toEqual([
      ['savings', 30, 1, 30],
      ['days_within_budget', 30, 1, 30],
      ['bills', 20, 1, 20],
      ['buffer', 20, 1, 20],
    ]);
  });

  it.each([
    // savings rate 5 % against a 10 % target: half marks
    [{ projectedSpendingMinor: 570000 }, 'savings', 0.5],
    // spending above income: none, never negative
    [{ projectedSpendingMinor: 700000 }, 'savings', 0],
    // no target set: judged against 10 %
    [{ savingsTargetMinor: 0, projectedSpendingMinor: 570000 }, 'savings', 0.5],
    // 7 green days of 10
    [{ greenDays: 7 }, 'days_within_budget', 0.7],
    // bills at 50 % full marks, 65 % half, 80 % none
    [{ fixedBillsMinor: 300000 }, 'bills', 1],
    [{ fixedBillsMinor: 390000 }, 'bills', 0.5],
    [{ fixedBillsMinor: 480000 }, 'bills', 0],
    // a quarter of 200.00 overspent left uncovered
    [{ overspentMinor: 20000, uncoveredMinor: 5000 }, 'buffer', 0.75],
  ] as const)('%j: %s is %f', (input, id, value) => {
    expect(valuesOf(input)[id]).toBeCloseTo(value, 12);
  });

  it('combines the components by weight, rounded half up', () => {
    // savings 0.5 × 30 = 15, days 0.7 × 30 = 21, bills 20, buffer 0.75 × 20 = 15 → 71
    const result = computeHealthScore({
      ...base,
      projectedSpendingMinor: 570000,
      greenDays: 7,
      overspentMinor: 20000,
      uncoveredMinor: 5000,
    });
    expect(result.score).toBe(71);
    // days 0.85 × 30 = 25.5 + 70 = 95.5 → 96
    expect(computeHealthScore({ ...base, finishedDays: 20, greenDays: 17 }).score).toBe(96);
  });

  it('leaves out what cannot be judged and scales the rest to 100', () => {
    const early = computeHealthScore({
      ...base,
      finishedDays: 0,
      greenDays: 0,
      fixedBillsMinor: 390000,
    });
    const days = early.components.find((c) => c.id === 'days_within_budget');
    expect(days).toMatchObject({ value: null, points: 0 });
    // (30 + 10 + 20) / 70 → 85.71 → 86
    expect(early.score).toBe(86);
  });

  it('has no score without income nor finished days, but still judges the buffer', () => {
    const none = computeHealthScore({ ...base, incomeMinor: 0, finishedDays: 0, greenDays: 0 });
    expect(none.score).toBe(100);
    expect(none.components.filter((c) => c.value !== null).map((c) => c.id)).toEqual(['buffer']);
  });
});
