/**
 * Category breakdown of spending (domain §8): amounts per category in exact minor units, and their
 * shares of the total in basis points split by largest remainder, so the shares add up to 100 %.
 *
 * Decisions: "spending" is the live expenses of the ledger in the person's currency, except money
 * put aside (the savings category and goal contributions `goal:<id>`): saving is never spending;
 * an entry in another currency is left out (one person's ledger is kept in their budget's
 * currency); entries are ordered by amount, largest first, then by category id.
 */
import { GOAL_CATEGORY_PREFIX } from '../categories/categories';
import { SAVINGS_CATEGORY_ID } from '../categories/taxonomy';
import { allocateLargestRemainder } from '../money/allocate';
import type { LedgerTransaction } from '../month/types';
import type { LocalDate } from '../time/calendar';

/** 100 % in basis points. */
export const BASIS_POINTS = 10_000;

/** Whether money booked on a category counts as spending (savings and goals do not). */
export function isSpendingCategory(categoryId: string): boolean {
  return categoryId !== SAVINGS_CATEGORY_ID && !categoryId.startsWith(GOAL_CATEGORY_PREFIX);
}

/** Live expenses per category in one currency, optionally only between two local days (inclusive). */
export function spendingByCategory(
  ledger: readonly LedgerTransaction[],
  options: { currency: string; from?: LocalDate; to?: LocalDate },
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of ledger) {
    if (!countsAsSpending(entry, options)) continue;
    totals.set(entry.categoryId, (totals.get(entry.categoryId) ?? 0) + entry.amountMinor);
  }
  return totals;
}

/** Live expenses per local day in one currency, optionally without some categories. */
export function spendingByDay(
  ledger: readonly LedgerTransaction[],
  options: { currency: string; isCounted?: (categoryId: string) => boolean },
): Map<LocalDate, number> {
  const totals = new Map<LocalDate, number>();
  for (const entry of ledger) {
    if (!countsAsSpending(entry, options)) continue;
    if (options.isCounted && !options.isCounted(entry.categoryId)) continue;
    totals.set(entry.bookedOn, (totals.get(entry.bookedOn) ?? 0) + entry.amountMinor);
  }
  return totals;
}

function countsAsSpending(
  entry: LedgerTransaction,
  options: { currency: string; from?: LocalDate; to?: LocalDate },
): boolean {
  return (
    entry.direction === 'expense' &&
    (entry.currency ?? options.currency) === options.currency &&
    isSpendingCategory(entry.categoryId) &&
    (options.from === undefined || entry.bookedOn >= options.from) &&
    (options.to === undefined || entry.bookedOn <= options.to)
  );
}

/** One category of a breakdown. */
export interface BreakdownEntry {
  readonly categoryId: string;
  readonly amountMinor: number;
  /** Share of the total in basis points (0–10 000); the entries' shares add up to 10 000. */
  readonly shareBasisPoints: number;
}

/** Spending of a period split by category. */
export interface Breakdown {
  readonly totalMinor: number;
  readonly entries: readonly BreakdownEntry[];
}

/** Shares of a total per category in basis points, exact by largest remainder (empty when 0). */
export function sharesInBasisPoints(amounts: ReadonlyMap<string, number>): Map<string, number> {
  const ids = [...amounts.keys()].filter((id) => (amounts.get(id) ?? 0) > 0).sort();
  const weights = ids.map((id) => amounts.get(id) ?? 0);
  if (weights.reduce((sum, w) => sum + w, 0) === 0) return new Map();
  const shares = allocateLargestRemainder(BASIS_POINTS, weights);
  return new Map(ids.map((id, i) => [id, shares[i] ?? 0]));
}

/** The category breakdown of per-category amounts: largest first, shares adding up to 100 %. */
export function computeBreakdown(amounts: ReadonlyMap<string, number>): Breakdown {
  const shares = sharesInBasisPoints(amounts);
  const entries = [...shares.entries()]
    .map(([categoryId, shareBasisPoints]) => ({
      categoryId,
      amountMinor: amounts.get(categoryId) ?? 0,
      shareBasisPoints,
    }))
    .sort((a, b) => b.amountMinor - a.amountMinor || (a.categoryId < b.categoryId ? -1 : 1));
  return { totalMinor: entries.reduce((sum, e) => sum + e.amountMinor, 0), entries };
}
