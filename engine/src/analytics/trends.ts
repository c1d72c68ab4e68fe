/**
 * Month-over-month trends and drift (domain §8). A trend compares what a category cost this month
 * with the months before; drift compares the shares of spending, so a month that is dearer in
 * everything alike has no drift.
 *
 * Decisions: the month in progress is compared with the same days of the previous month (day 1 to
 * today's day number, clamped to that month's length), so a half month is never set against a
 * whole one; a change within 5 % of the earlier amount is flat (only no change when it was 0); drift between two months is the total variation distance of their shares (half the sum
 * of the absolute changes, 0 % to 100 %), and a category whose share moved by 5 percentage points
 * or more is notable. All comparisons are exact in integers.
 */
import type { LocalMonth } from '../time/calendar';
import { BASIS_POINTS, sharesInBasisPoints } from './breakdown';

/** A change within this fraction of the earlier amount is flat (exact: 1/20). */
export const TREND_FLAT_DENOMINATOR = 20;
/** A share change of at least this many basis points (5 percentage points) is notable drift. */
export const DRIFT_NOTABLE_BASIS_POINTS = 500;

export type TrendDirection = 'up' | 'down' | 'flat';

/** Spending per category of one month (or of part of it). */
export interface MonthSpending {
  readonly month: LocalMonth;
  readonly byCategory: ReadonlyMap<string, number>;
}

/** One category's trend. */
export interface CategoryTrend {
  readonly categoryId: string;
  /** Amount per month, oldest first; the last is the month asked (to date when in progress). */
  readonly series: readonly { readonly month: LocalMonth; readonly amountMinor: number }[];
  readonly currentMinor: number;
  /** The previous month over the same days (the whole month once the month asked is over). */
  readonly previousMinor: number;
  readonly changeMinor: number;
  readonly direction: TrendDirection;
}

/** Whether a change from `previous` to `current` is up, down or flat (within 1/20 of previous). */
export function trendDirectionOf(previousMinor: number, currentMinor: number): TrendDirection {
  const change = currentMinor - previousMinor;
  if (change === 0 || Math.abs(change) * TREND_FLAT_DENOMINATOR <= previousMinor) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/**
 * Trends of every category spent on in any month of `months` (oldest first, the month asked
 * last), against `previous`: the previous month over comparable days. Largest current first.
 */
export function computeTrends(input: {
  months: readonly MonthSpending[];
  previous: ReadonlyMap<string, number>;
}): CategoryTrend[] {
  const current = input.months.at(-1)?.byCategory ?? new Map<string, number>();
  const ids = new Set<string>();
  for (const month of input.months) for (const id of month.byCategory.keys()) ids.add(id);
  for (const id of input.previous.keys()) ids.add(id);
  return [...ids]
    .map((categoryId) => {
      const currentMinor = current.get(categoryId) ?? 0;
      const previousMinor = input.previous.get(categoryId) ?? 0;
      return {
        categoryId,
        series: input.months.map((m) => ({
          month: m.month,
          amountMinor: m.byCategory.get(categoryId) ?? 0,
        })),
        currentMinor,
        previousMinor,
        changeMinor: currentMinor - previousMinor,
        direction: trendDirectionOf(previousMinor, currentMinor),
      };
    })
    .filter((t) => t.series.some((p) => p.amountMinor > 0) || t.previousMinor > 0)
    .sort(
      (a, b) =>
        b.currentMinor - a.currentMinor ||
        b.previousMinor - a.previousMinor ||
        (a.categoryId < b.categoryId ? -1 : 1),
    );
}

/** One category's share then and now. */
export interface DriftEntry {
  readonly categoryId: string;
  readonly previousShareBasisPoints: number;
  readonly currentShareBasisPoints: number;
  /** current − previous, in basis points (100 = one percentage point). */
  readonly changeBasisPoints: number;
  readonly isNotable: boolean;
}

/** How the mix of spending moved between two months. */
export interface Drift {
  /** Total variation distance of the shares, 0–10 000 basis points; null when a month is empty. */
  readonly distanceBasisPoints: number | null;
  /** Categories by how far their share moved, largest first. */
  readonly entries: readonly DriftEntry[];
}

/** Drift of category shares from `previous` to `current` (both per-category amounts). */
export function computeDrift(
  previous: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
): Drift {
  const before = sharesInBasisPoints(previous);
  const after = sharesInBasisPoints(current);
  if (before.size === 0 || after.size === 0) return { distanceBasisPoints: null, entries: [] };
  const ids = new Set([...before.keys(), ...after.keys()]);
  const entries = [...ids]
    .map((categoryId) => {
      const previousShareBasisPoints = before.get(categoryId) ?? 0;
      const currentShareBasisPoints = after.get(categoryId) ?? 0;
      const changeBasisPoints = currentShareBasisPoints - previousShareBasisPoints;
      return {
        categoryId,
        previousShareBasisPoints,
        currentShareBasisPoints,
        changeBasisPoints,
        isNotable: Math.abs(changeBasisPoints) >= DRIFT_NOTABLE_BASIS_POINTS,
      };
    })
    .sort(
      (a, b) =>
        Math.abs(b.changeBasisPoints) - Math.abs(a.changeBasisPoints) ||
        (a.categoryId < b.categoryId ? -1 : 1),
    );
  // Both sides add up to 10 000, so the sum of absolute changes is even: halving is exact.
  const total = entries.reduce((sum, e) => sum + Math.abs(e.changeBasisPoints), 0);
  return { distanceBasisPoints: Math.min(BASIS_POINTS, total / 2), entries };
}
