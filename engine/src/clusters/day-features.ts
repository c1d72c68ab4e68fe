/**
 * The points spending clusters are made of (domain §8): one point per local day with spending.
 *
 * Decision: a day, not a transaction, is the unit. The domain's features — category shares, weekend
 * share, average ticket, transactions per day — describe a set of transactions, and a day is the
 * set a person lives through ("a weekend of dining out", "a small weekday grocery run"). It also
 * bounds the work: a year of days is at most 366 points however many transactions it holds, so the
 * silhouette (quadratic in the points) stays exact and cheap.
 *
 * Per day: the shares of the person's top categories (by amount over the window) and of the rest,
 * whether it is a Saturday or Sunday, ln(average ticket) (tickets are skewed: a log keeps one rent
 * payment from flattening every other difference) and the number of transactions. Each column is
 * then standardised (z-score); a column that never varies becomes 0.
 */
import { isSpendingCategory } from '../analytics/breakdown';
import type { LedgerTransaction } from '../month/types';
import { addDays, compareLocalDates, weekdayOf, type LocalDate } from '../time/calendar';

/** Categories that get a share column of their own; the others share one "rest" column. */
export const CLUSTER_TOP_CATEGORIES = 6;
/** Days of ledger clustered, counted back from the latest day with spending (one year). */
export const CLUSTER_WINDOW_DAYS = 365;

/** One day with spending, in exact minor units. */
export interface SpendingDay {
  readonly date: LocalDate;
  readonly isWeekend: boolean;
  readonly transactionCount: number;
  readonly totalMinor: number;
  /** Spending per category that day. */
  readonly byCategory: ReadonlyMap<string, number>;
}

/** The live expenses of the window grouped per day, oldest first. */
export function spendingDaysOf(
  ledger: readonly LedgerTransaction[],
  currency: string,
): SpendingDay[] {
  const counted = ledger.filter(
    (entry) =>
      entry.direction === 'expense' &&
      entry.amountMinor > 0 &&
      (entry.currency ?? currency) === currency &&
      isSpendingCategory(entry.categoryId),
  );
  let latest: LocalDate | undefined;
  for (const entry of counted)
    if (latest === undefined || entry.bookedOn > latest) latest = entry.bookedOn;
  if (latest === undefined) return [];
  const first = addDays(latest, -(CLUSTER_WINDOW_DAYS - 1));
  const days = new Map<
    LocalDate,
    { count: number; total: number; byCategory: Map<string, number> }
  >();
  for (const entry of counted) {
    if (entry.bookedOn < first) continue;
    let day = days.get(entry.bookedOn);
    if (day === undefined) {
      day = { count: 0, total: 0, byCategory: new Map() };
      days.set(entry.bookedOn, day);
    }
    day.count += 1;
    day.total += entry.amountMinor;
    day.byCategory.set(
      entry.categoryId,
      (day.byCategory.get(entry.categoryId) ?? 0) + entry.amountMinor,
    );
  }
  return [...days.entries()]
    .sort(([a], [b]) => compareLocalDates(a, b))
    .map(([date, day]) => {
      const weekday = weekdayOf(date);
      return {
        date,
        isWeekend: weekday === 0 || weekday === 6,
        transactionCount: day.count,
        totalMinor: day.total,
        byCategory: day.byCategory,
      };
    });
}

/** The categories with a column of their own: largest total first, then by id. */
export function topCategoriesOf(
  days: readonly SpendingDay[],
  limit = CLUSTER_TOP_CATEGORIES,
): string[] {
  const totals = new Map<string, number>();
  for (const day of days)
    for (const [id, amount] of day.byCategory) totals.set(id, (totals.get(id) ?? 0) + amount);
  return [...totals.entries()]
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/** Raw (unstandardised) feature rows of the days, in the columns described above. */
export function rawFeaturesOf(
  days: readonly SpendingDay[],
  topCategories: readonly string[],
): number[][] {
  return days.map((day) => {
    const shares = topCategories.map((id) => (day.byCategory.get(id) ?? 0) / day.totalMinor);
    const rest = 1 - shares.reduce((sum, share) => sum + share, 0);
    return [
      ...shares,
      Math.max(0, rest),
      day.isWeekend ? 1 : 0,
      Math.log(day.totalMinor / day.transactionCount),
      day.transactionCount,
    ];
  });
}

/** Z-scores per column (population sd); a column that never varies becomes all 0. */
export function standardise(rows: readonly (readonly number[])[]): number[][] {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? 0));
  const scales = columns.map((values) => {
    const mean = values.reduce((sum, v) => sum + v, 0) / n;
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n);
    return { mean, sd };
  });
  return rows.map((row) =>
    row.map((value, c) => {
      const { mean, sd } = scales[c] ?? { mean: 0, sd: 0 };
      // Below this the column is constant but for float noise.
      return sd > 1e-12 ? (value - mean) / sd : 0;
    }),
  );
}
