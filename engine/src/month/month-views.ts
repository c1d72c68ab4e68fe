/** The friendly shapes a computed month is read through (built lazily by MonthState). */
import type { CategoryBehaviour, CategoryPriority } from '../categories/taxonomy';
import type { Status } from '../status/status';
import type { LocalDate } from '../time/calendar';
import type { Move } from './types';

/** One (day, category) of the month. */
export interface CellView {
  readonly date: LocalDate;
  readonly day: number;
  readonly categoryId: string;
  readonly allocationMinor: number;
  readonly spentMinor: number;
  /** allocation − spent; for fixed categories, month allocation − month-to-date spending. */
  readonly remainingMinor: number;
  /** Moved in from donors to cover an overspend on this day. */
  readonly coveredMinor: number;
  /** Overspend no donor could cover (part of the month's deficit). */
  readonly uncoveredMinor: number;
  readonly status: Status;
}

/** One day of the month with all its categories. */
export interface DayView {
  readonly date: LocalDate;
  readonly day: number;
  readonly isFinished: boolean;
  readonly isToday: boolean;
  readonly allocationMinor: number;
  readonly spentMinor: number;
  readonly categories: readonly CellView[];
}

/** One category over the whole month. */
export interface CategoryMonthView {
  readonly id: string;
  readonly name: string;
  readonly behaviour: CategoryBehaviour;
  readonly priority: CategoryPriority;
  readonly planMinor: number;
  readonly allocationMinor: number;
  readonly spentMinor: number;
  readonly remainingMinor: number;
  readonly coveredMinor: number;
  readonly uncoveredMinor: number;
  readonly status: Status;
}

/** Month totals: allocated always equals planned (money is only moved). */
export interface MonthTotals {
  readonly plannedMinor: number;
  readonly allocatedMinor: number;
  readonly spentMinor: number;
  readonly deficitMinor: number;
}

/** The whole month as plain JSON. */
export interface MonthJson {
  readonly month: string;
  readonly currency: string;
  readonly today: LocalDate;
  readonly daysInMonth: number;
  readonly firstDay: number;
  readonly totals: MonthTotals;
  readonly categories: readonly CategoryMonthView[];
  readonly days: readonly DayView[];
  readonly moves: readonly Move[];
}
