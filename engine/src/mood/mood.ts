/**
 * Mood and spending (domain §6): one mood per local day on a 1–5 scale; the Spearman rank
 * correlation between mood and that day's discretionary spending (ties get average ranks),
 * reported only with at least 14 paired days, with its strength in words.
 *
 * Decisions: every mood day is paired (a day without discretionary spending pairs with 0);
 * strength by |ρ|: < 0.2 very weak, < 0.4 weak, < 0.6 moderate, < 0.8 strong, else very strong;
 * when mood or spending never varies there is no correlation to report.
 */
import { EngineError } from '../errors';
import { findCategory } from '../categories/categories';
import { isLocalDate, type LocalDate } from '../time/calendar';
import type { LedgerTransaction } from '../month/types';

/** A mood entry: one per local day. */
export interface MoodEntry {
  readonly date: LocalDate;
  readonly score: number;
  readonly label?: string;
  readonly note?: string;
}

/** Paired days needed before a correlation is reported. */
export const MOOD_MIN_PAIRED_DAYS = 14;

/** Strength of a correlation in words. */
export type CorrelationStrength = 'very weak' | 'weak' | 'moderate' | 'strong' | 'very strong';

const STRENGTHS: readonly [number, CorrelationStrength][] = [
  [0.2, 'very weak'],
  [0.4, 'weak'],
  [0.6, 'moderate'],
  [0.8, 'strong'],
];

/** Result of the mood–spending correlation. */
export type MoodSpendingCorrelation =
  | {
      readonly isReported: false;
      readonly pairedDays: number;
      readonly reason: 'NOT_ENOUGH_DAYS' | 'NO_VARIATION';
    }
  | {
      readonly isReported: true;
      readonly pairedDays: number;
      readonly coefficient: number;
      readonly strength: CorrelationStrength;
      readonly direction: 'positive' | 'negative' | 'none';
    };

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) result[order[k]?.index ?? 0] = averageRank;
    start = end + 1;
  }
  return result;
}

/** Spearman rank correlation of two equally long series, or null when either never varies. */
export function spearmanCorrelation(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (xs.length + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i += 1) {
    const dx = (rx[i] ?? 0) - mean;
    const dy = (ry[i] ?? 0) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Strength of a coefficient in words. */
export function correlationStrength(coefficient: number): CorrelationStrength {
  const size = Math.abs(coefficient);
  return STRENGTHS.find(([limit]) => size < limit)?.[1] ?? 'very strong';
}

/** Discretionary expense per local day; `isDiscretionary` defaults to the taxonomy's priority. */
export function discretionarySpendByDay(
  transactions: readonly LedgerTransaction[],
  isDiscretionary: (categoryId: string) => boolean = (id) =>
    findCategory(id)?.priority === 'discretionary',
): Map<LocalDate, number> {
  const byDay = new Map<LocalDate, number>();
  for (const tx of transactions) {
    if (tx.direction !== 'expense' || !isDiscretionary(tx.categoryId)) continue;
    byDay.set(tx.bookedOn, (byDay.get(tx.bookedOn) ?? 0) + tx.amountMinor);
  }
  return byDay;
}

function checkMoods(moods: readonly MoodEntry[]): void {
  const seen = new Set<string>();
  for (const mood of moods) {
    const isValid =
      isLocalDate(mood.date) && Number.isInteger(mood.score) && mood.score >= 1 && mood.score <= 5;
    if (!isValid || seen.has(mood.date)) {
      throw new EngineError('INPUT_INVALID', 'Moods need one 1–5 score per local day', {
        date: mood.date,
        score: mood.score,
      });
    }
    seen.add(mood.date);
  }
}

/** Spearman correlation between mood and discretionary spending per day (≥ 14 paired days). */
export function moodSpendingCorrelation(
  moods: readonly MoodEntry[],
  spendByDay: ReadonlyMap<LocalDate, number>,
): MoodSpendingCorrelation {
  checkMoods(moods);
  const pairedDays = moods.length;
  if (pairedDays < MOOD_MIN_PAIRED_DAYS)
    return { isReported: false, pairedDays, reason: 'NOT_ENOUGH_DAYS' };
  const coefficient = spearmanCorrelation(
    moods.map((m) => m.score),
    moods.map((m) => spendByDay.get(m.date) ?? 0),
  );
  if (coefficient === null) return { isReported: false, pairedDays, reason: 'NO_VARIATION' };
  const direction = coefficient > 0 ? 'positive' : coefficient < 0 ? 'negative' : 'none';
  return {
    isReported: true,
    pairedDays,
    coefficient,
    strength: correlationStrength(coefficient),
    direction,
  };
}
