/**
 * Shapes of the month computation: ledger transactions in, settings, and the moves that explain
 * every change of an allocation.
 */
import type { CategoryBehaviour, CategoryPriority } from '../categories/taxonomy';
import type { LocalDate } from '../time/calendar';

/** What a transaction does to the user's money; only `expense` counts as spending. */
export type TransactionDirection = 'expense' | 'income' | 'transfer';

/** A ledger transaction as the month computation needs it. Amounts are always positive. */
export interface LedgerTransaction {
  readonly id?: string;
  readonly categoryId: string;
  readonly amountMinor: number;
  readonly direction: TransactionDirection;
  /** Local date, derived once at write time from the instant and the user's zone. */
  readonly bookedOn: LocalDate;
  /** Defaults to the plan's currency; another currency is CURRENCY_MISMATCH (convert first). */
  readonly currency?: string;
}

/** Where the underspend of a finished day goes (domain §4). */
export type RolloverMode = 'spread' | 'next_day' | 'savings';

/** A category the plan does not list, so spending in it is understood (user-made categories). */
export interface KnownCategory {
  readonly id: string;
  readonly name: string;
  readonly behaviour: CategoryBehaviour;
  readonly priority: CategoryPriority;
}

/** User settings of the month computation. */
export interface MonthSettings {
  /** Default `spread`. */
  readonly rollover?: RolloverMode;
  /** User-made categories without a budget this month, to know their behaviour and priority. */
  readonly categories?: readonly KnownCategory[];
}

/** Why an allocation moved. */
export type MoveReason =
  | 'overspend'
  | 'rollover_spread'
  | 'rollover_next_day'
  | 'rollover_savings'
  /** Money put aside for a goal beyond its day's reservation: never an overspend (see walk.ts). */
  | 'goal_transfer';

/** One explained change: `amountMinor` left `fromCategoryId` on `fromDays` for `toCategoryId` on `toDays`. */
export interface Move {
  readonly reason: MoveReason;
  readonly fromCategoryId: string;
  readonly toCategoryId: string;
  /** Days of the month (1-based) the money left. */
  readonly fromDays: readonly number[];
  /** Days of the month (1-based) the money went to. */
  readonly toDays: readonly number[];
  readonly amountMinor: number;
  /** The day being handled when the move happened. */
  readonly onDay: number;
}
