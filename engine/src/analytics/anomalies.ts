/**
 * Unusual spending days (domain §8): a day is an anomaly when it is far above the person's own norm.
 * The norm is robust first: median + 3.5 × MAD; when half the days or more cost exactly the same
 * (MAD 0) it falls back to mean + 2.5 × standard deviation; both need at least 5 days.
 *
 * Decisions: the norm is made of spending days only (a day without spending is not a cheap day but
 * no day at all for this purpose), over the history the caller passes (the server reads about four
 * months); MAD is scaled by 1.4826 so it estimates a standard deviation of normal data, which makes
 * 3.5 the usual robust cut-off; the standard deviation is the population one; a threshold is
 * reported floored to the minor unit, and since amounts are whole minor units "above the floored
 * threshold" is exactly "above the threshold"; when every day costs the same, nothing is unusual.
 */
import type { LocalDate } from '../time/calendar';

/** Days with spending needed before anything is judged. */
export const ANOMALY_MIN_DAYS = 5;
/** Robust cut-off: median + 3.5 × scaled MAD. */
export const ANOMALY_MAD_FACTOR = 3.5;
/** Makes the MAD a consistent estimator of the standard deviation of normal data. */
export const MAD_SCALE = 1.4826;
/** Fallback cut-off: mean + 2.5 × standard deviation. */
export const ANOMALY_SD_FACTOR = 2.5;

export type AnomalyMethod = 'median_mad' | 'mean_sd' | 'not_enough_data' | 'no_variation';

/** One day's spending. */
export interface DailySpending {
  readonly date: LocalDate;
  readonly amountMinor: number;
}

/** A day above the norm. */
export interface SpendingAnomaly {
  readonly date: LocalDate;
  readonly amountMinor: number;
  /** How far above the norm's centre (median or mean), in minor units, floored. */
  readonly aboveTypicalMinor: number;
  /** (amount − centre) / spread: how many (scaled MADs or standard deviations) above. */
  readonly score: number;
}

/** What the norm was and which days broke it. */
export interface AnomalyReport {
  readonly method: AnomalyMethod;
  /** Spending days the norm was made of. */
  readonly daysInNorm: number;
  /** The norm's centre (median or mean), floored to the minor unit; null without a method. */
  readonly typicalMinor: number | null;
  /** A day above this is unusual; null without a method. */
  readonly thresholdMinor: number | null;
  /** Unusual days within the window asked, largest first. */
  readonly anomalies: readonly SpendingAnomaly[];
}

/** The median of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median absolute deviation from the median (unscaled). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((v) => Math.abs(v - centre)));
}

function norm(amounts: readonly number[]): {
  method: AnomalyMethod;
  centre: number;
  spread: number;
  factor: number;
} {
  if (amounts.length < ANOMALY_MIN_DAYS)
    return { method: 'not_enough_data', centre: 0, spread: 0, factor: 0 };
  const mad = medianAbsoluteDeviation(amounts) * MAD_SCALE;
  if (mad > 0)
    return {
      method: 'median_mad',
      centre: median(amounts),
      spread: mad,
      factor: ANOMALY_MAD_FACTOR,
    };
  const mean = amounts.reduce((s, v) => s + v, 0) / amounts.length;
  const sd = Math.sqrt(amounts.reduce((s, v) => s + (v - mean) ** 2, 0) / amounts.length);
  if (sd > 0) return { method: 'mean_sd', centre: mean, spread: sd, factor: ANOMALY_SD_FACTOR };
  return { method: 'no_variation', centre: mean, spread: 0, factor: 0 };
}

/**
 * Days of `history` within [from, to] whose spending is above the person's norm, the norm being
 * made of every spending day of `history`.
 */
export function detectSpendingAnomalies(input: {
  history: readonly DailySpending[];
  from: LocalDate;
  to: LocalDate;
}): AnomalyReport {
  const days = input.history.filter((d) => d.amountMinor > 0);
  const { method, centre, spread, factor } = norm(days.map((d) => d.amountMinor));
  const daysInNorm = days.length;
  if (method === 'not_enough_data')
    return { method, daysInNorm, typicalMinor: null, thresholdMinor: null, anomalies: [] };
  const typicalMinor = Math.floor(centre);
  if (method === 'no_variation')
    return { method, daysInNorm, typicalMinor, thresholdMinor: typicalMinor, anomalies: [] };
  const thresholdMinor = Math.floor(centre + factor * spread);
  const anomalies = days
    .filter((d) => d.date >= input.from && d.date <= input.to && d.amountMinor > thresholdMinor)
    .map((d) => ({
      date: d.date,
      amountMinor: d.amountMinor,
      aboveTypicalMinor: Math.floor(d.amountMinor - centre),
      score: (d.amountMinor - centre) / spread,
    }))
    .sort((a, b) => b.amountMinor - a.amountMinor || (a.date < b.date ? -1 : 1));
  return { method, daysInNorm, typicalMinor, thresholdMinor, anomalies };
}
