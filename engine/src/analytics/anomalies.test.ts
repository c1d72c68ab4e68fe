import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSpendingAnomalies, median, medianAbsoluteDeviation } from './anomalies';

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
const history = (amounts: readonly number[]) =>
  amounts.map((amountMinor, i) => ({ date: day(i + 1), amountMinor }));
const WHOLE_MONTH = { from: '2026-03-01', to: '2026-03-31' };

describe('median and MAD', () => {
  it.each([
    [[3, 1, 2], 2, 1],
    [[1, 2, 3, 4], 2.5, 1],
    [[5, 5, 5, 100], 5, 0],
    [[1, 1, 2, 2, 4, 6, 9], 2, 1],
  ])('%j: median %f, MAD %f', (values, med, mad) => {
    expect(median(values)).toBe(med);
    expect(medianAbsoluteDeviation(values)).toBe(mad);
  });
});

describe('unusual spending days', () => {
  it('flags days above median + 3.5 × scaled MAD', () => {
    // Median 2000, MAD 200 → scaled 296.52; threshold 2000 + 3.5 × 296.52 = 3037.82 → 3037.
    const report = detectSpendingAnomalies({
      history: history([1600, 1800, 2000, 2200, 2400, 2000, 1800, 3600, 9000]),
      ...WHOLE_MONTH,
    });
    expect(report).toMatchObject({
      method: 'median_mad',
      daysInNorm: 9,
      typicalMinor: 2000,
      thresholdMinor: 3037,
    });
    expect(report.anomalies.map((a) => [a.date, a.amountMinor, a.aboveTypicalMinor])).toEqual([
      [day(9), 9000, 7000],
      [day(8), 3600, 1600],
    ]);
    expect(report.anomalies[0]?.score).toBeCloseTo(7000 / (200 * 1.4826), 10);
  });

  it('falls back to mean + 2.5 × sd when most days cost the same (MAD 0)', () => {
    // Mean 2200.1, population sd 3600.3 (MAD 0: nine days alike).
    const report = detectSpendingAnomalies({
      history: history([1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 13001]),
      ...WHOLE_MONTH,
    });
    expect(report.method).toBe('mean_sd');
    expect(report.typicalMinor).toBe(2200);
    expect(report.thresholdMinor).toBe(11200); // 2200.1 + 2.5 × 3600.3
    expect(report.anomalies.map((a) => a.amountMinor)).toEqual([13001]);
  });

  it.each([
    [[], 'not_enough_data'],
    [[100, 200, 300, 400], 'not_enough_data'],
    [[0, 0, 0, 0, 100, 200, 300, 400], 'not_enough_data'], // days without spending do not count
    [[500, 500, 500, 500, 500], 'no_variation'],
    [[100, 200, 300, 400, 500], 'median_mad'],
  ])('%j → %s', (amounts, method) => {
    const report = detectSpendingAnomalies({ history: history(amounts), ...WHOLE_MONTH });
    expect(report.method).toBe(method);
    if (method !== 'median_mad') expect(report.anomalies).toEqual([]);
  });

  it('judges only days of the window, against the norm of the whole history', () => {
    const report = detectSpendingAnomalies({
      history: history([1000, 1100, 900, 1000, 1050, 950, 20000, 1000, 30000]),
      from: day(8),
      to: day(9),
    });
    expect(report.daysInNorm).toBe(9);
    expect(report.anomalies.map((a) => a.date)).toEqual([day(9)]);
  });

  it('never flags a day at or below the threshold, nor one at or below the median (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e7 }), { maxLength: 40 }), (amounts) => {
        const report = detectSpendingAnomalies({
          history: amounts.map((amountMinor, i) => ({
            date: `2026-01-01T${i}`,
            amountMinor,
          })),
          from: '2026-01-01',
          to: '2026-12-31',
        });
        for (const a of report.anomalies) {
          expect(a.amountMinor).toBeGreaterThan(report.thresholdMinor ?? Infinity);
          expect(a.aboveTypicalMinor).toBeGreaterThan(0);
        }
      }),
    );
  });
});
