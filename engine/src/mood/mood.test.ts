import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { tx } from '../../test/builders';
import {
  correlationStrength,
  discretionarySpendByDay,
  moodSpendingCorrelation,
  spearmanCorrelation,
  type MoodEntry,
} from './mood';

describe('Spearman rank correlation', () => {
  it.each([
    [[1, 2, 3, 4, 5], [10, 20, 30, 40, 50], 1],
    [[1, 2, 3, 4, 5], [50, 40, 30, 20, 10], -1],
    [[1, 2, 3, 4, 5], [1, 4, 9, 16, 25], 1], // monotone, not linear
    [[1, 2, 3, 4, 5], [5, 6, 7, 8, 7], 8 / Math.sqrt(95)], // ties share the average rank
  ])('%j vs %j → %f', (xs, ys, rho) => {
    expect(spearmanCorrelation(xs, ys)).toBeCloseTo(rho, 12);
  });

  it.each([
    [
      [3, 3, 3],
      [1, 2, 3],
    ],
    [
      [1, 2, 3],
      [0, 0, 0],
    ],
    [[1], [1]],
    [[1, 2], [1]],
  ])('is null for %j vs %j', (xs, ys) => {
    expect(spearmanCorrelation(xs, ys)).toBeNull();
  });

  it.each([
    [0.1, 'very weak'],
    [0.2, 'weak'],
    [-0.39, 'weak'],
    [0.4, 'moderate'],
    [0.6, 'strong'],
    [0.8, 'very strong'],
    [-1, 'very strong'],
  ])('%f is %s', (rho, words) => {
    expect(correlationStrength(rho)).toBe(words);
  });
});

describe('mood and discretionary spending', () => {
  const day = (d: number): string => `2026-02-${String(d).padStart(2, '0')}`;
  const moods = (count: number, score: (d: number) => number): MoodEntry[] =>
    Array.from({ length: count }, (_, i) => ({ date: day(i + 1), score: score(i + 1) }));

  it('counts only discretionary expenses, per local day', () => {
    const spend = discretionarySpendByDay([
      tx('dining_out', 1, 500),
      tx('gadgets', 1, 300),
      tx('groceries', 1, 9000),
      tx('dining_out', 2, 700, { direction: 'income' }),
    ]);
    expect([...spend]).toEqual([['2026-02-01', 800]]);
  });

  it('needs 14 paired days', () => {
    expect(
      moodSpendingCorrelation(
        moods(13, (d) => (d % 5) + 1),
        new Map(),
      ),
    ).toEqual({
      isReported: false,
      pairedDays: 13,
      reason: 'NOT_ENOUGH_DAYS',
    });
  });

  it('reports nothing when mood never varies', () => {
    const spend = new Map(moods(14, () => 3).map((m, i) => [m.date, i * 100]));
    expect(
      moodSpendingCorrelation(
        moods(14, () => 3),
        spend,
      ),
    ).toMatchObject({ isReported: false, reason: 'NO_VARIATION' });
  });

  it('finds "low mood, more spending" with its strength in words', () => {
    const entries = moods(14, (d) => (d % 5) + 1);
    const spend = new Map(
      entries.map((m) => [m.date, (6 - m.score) * 1000 + (m.date.endsWith('07') ? 1 : 0)]),
    );
    expect(moodSpendingCorrelation(entries, spend)).toMatchObject({
      isReported: true,
      pairedDays: 14,
      direction: 'negative',
      strength: 'very strong',
    });
  });

  it('pairs a mood day without spending with 0', () => {
    const entries = moods(14, (d) => (d <= 7 ? 2 : 4));
    const spend = new Map(entries.filter((m) => m.score === 4).map((m) => [m.date, 500]));
    const result = moodSpendingCorrelation(entries, spend);
    expect(result).toMatchObject({ isReported: true, coefficient: 1, direction: 'positive' });
  });

  it('rejects two moods on one day or a score outside 1–5', () => {
    expectCode(
      () =>
        moodSpendingCorrelation(
          [
            { date: day(1), score: 3 },
            { date: day(1), score: 4 },
          ],
          new Map(),
        ),
      'INPUT_INVALID',
    );
    expectCode(
      () => moodSpendingCorrelation([{ date: day(1), score: 6 }], new Map()),
      'INPUT_INVALID',
    );
  });
});
