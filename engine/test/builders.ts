/**
 * Test builders: hand-made plans with exact day allocations (so worked examples read like the
 * domain text) and ledger transactions.
 */
import { findCategory } from '../src/categories/categories';
import type { CategoryBehaviour, CategoryPriority } from '../src/categories/taxonomy';
import type { LedgerTransaction, TransactionDirection } from '../src/month/types';
import type { Plan } from '../src/plan/types';
import { daysInMonth } from '../src/time/calendar';

/** A category of a hand-made plan: the same amount every plan day, or amounts by day. */
export interface HandCategory {
  readonly id: string;
  readonly behaviour?: CategoryBehaviour;
  readonly priority?: CategoryPriority;
  readonly days: number | Readonly<Record<number, number>>;
}

/** Options of a hand-made plan. */
export interface HandPlanOptions {
  readonly month?: string;
  readonly firstDay?: number;
  readonly currency?: string;
}

/** Builds a valid plan (as the server would store it) from explicit day allocations. */
export function handPlan(categories: readonly HandCategory[], options: HandPlanOptions = {}): Plan {
  const month = options.month ?? '2026-02';
  const length = daysInMonth(month);
  const firstDay = options.firstDay ?? 1;
  const laid = categories.map((c) => {
    const builtIn = findCategory(c.id);
    const days = Array.from({ length }, (_, i) => {
      if (i + 1 < firstDay) return 0;
      return typeof c.days === 'number' ? c.days : (c.days[i + 1] ?? 0);
    });
    return {
      id: c.id,
      name: c.id,
      behaviour: c.behaviour ?? builtIn?.behaviour ?? 'spread',
      priority: c.priority ?? builtIn?.priority ?? 'flexible',
      source: 'target' as const,
      amountMinor: days.reduce((a, b) => a + b, 0),
      days,
    };
  });
  const total = laid.reduce((sum, c) => sum + c.amountMinor, 0);
  return {
    version: 1,
    userId: 'user-1',
    month,
    currency: options.currency ?? 'USD',
    timeZone: 'America/New_York',
    profileId: 'US',
    tier: 'middle',
    startsOn: `${month}-${String(firstDay).padStart(2, '0')}`,
    firstDay,
    daysInMonth: length,
    totals: {
      incomeMinor: total,
      plannedMinor: total,
      fixedMinor: 0,
      savingsMinor: 0,
      goalsMinor: 0,
      targetsMinor: total,
      flexMinor: 0,
    },
    categories: laid,
    notices: [],
    settings: {
      userId: 'user-1',
      currency: options.currency ?? 'USD',
      timeZone: 'America/New_York',
      incomeMinor: total,
    },
  };
}

/** A ledger transaction on a day of a month (expense unless told otherwise). */
export function tx(
  categoryId: string,
  day: number,
  amountMinor: number,
  options: { month?: string; direction?: TransactionDirection; id?: string } = {},
): LedgerTransaction {
  const month = options.month ?? '2026-02';
  return {
    id: options.id,
    categoryId,
    amountMinor,
    direction: options.direction ?? 'expense',
    bookedOn: `${month}-${String(day).padStart(2, '0')}`,
  };
}

/** Allocation of each day (1-based) of a category in a computed month, as an array. */
export function allocations(
  state: {
    daysInMonth: number;
    cell(day: number, id: string): { allocationMinor: number } | undefined;
  },
  id: string,
): number[] {
  return Array.from(
    { length: state.daysInMonth },
    (_, i) => state.cell(i + 1, id)?.allocationMinor ?? 0,
  );
}

/** `count` copies of `value`. */
export const repeat = (count: number, value: number): number[] =>
  new Array<number>(count).fill(value);

/** Days `from` … `to`, inclusive. */
export const dayRange = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
