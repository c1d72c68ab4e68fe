import {
  addDays,
  compareLocalDates,
  dayOfMonth,
  monthOf,
  type LedgerTransaction,
  type LocalDate,
  type LocalMonth,
  type MonthState,
} from '@pace/engine';
import type { BudgetMonthService } from '../budget';
import { RecurringError } from './recurring.errors';
import type { RecurringRepository } from './recurring.repository';
import { occurrencesBetween } from './recurring.rules';
import type { RecurringTransactionRow } from './recurring.table';

/** The longest look ahead `listUpcoming` accepts, in days. */
export const MAX_UPCOMING_DAYS = 366;

/** What one occurrence does to its day, from the engine's month before and after adding it. */
export interface DayEffect {
  /** The category's remaining on that day (fixed categories: the month's remaining). */
  categoryRemainingBeforeMinor: number;
  categoryRemainingAfterMinor: number;
  /** The day's allocation − spending over every category. */
  dayRemainingBeforeMinor: number;
  dayRemainingAfterMinor: number;
  /** Moved onto the day's category from later days to cover an overspend this occurrence causes. */
  coveredMinor: number;
  /** Overspend this occurrence causes that no donor covers (the month's deficit grows by it). */
  uncoveredMinor: number;
}

export interface UpcomingOccurrence {
  recurring: RecurringTransactionRow;
  date: LocalDate;
  /** Null when the occurrence's month has no plan yet (it is made at the month's start). */
  effect: DayEffect | null;
}

/**
 * The occurrences not posted yet from today through today + days − 1 (local dates, budget time
 * zone), each with its effect on its day. Within a month, occurrences count in date order (then
 * rule id): each one's "before" already holds the upcoming ones before it, so the effects add up.
 */
export class RecurringUpcomingService {
  constructor(
    private readonly deps: { repository: RecurringRepository; months: BudgetMonthService },
  ) {}

  async listUpcoming(userId: string, days: number): Promise<UpcomingOccurrence[]> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_UPCOMING_DAYS)
      throw new RecurringError('RECURRING_INPUT_INVALID', {
        message: `days must be 1–${MAX_UPCOMING_DAYS}.`,
      });
    const today = await this.deps.months.todayForUser(userId);
    const through = addDays(today, days - 1);
    const dayBefore = addDays(today, -1);
    const found: Omit<UpcomingOccurrence, 'effect'>[] = [];
    for (const row of await this.deps.repository.listOfUser(userId)) {
      const after =
        row.postedThrough !== null && compareLocalDates(row.postedThrough, dayBefore) > 0
          ? row.postedThrough
          : dayBefore;
      for (const date of occurrencesBetween(row, after, through))
        found.push({ recurring: row, date });
    }
    found.sort(
      (a, b) => compareLocalDates(a.date, b.date) || a.recurring.id.localeCompare(b.recurring.id),
    );
    const byMonth = new Map<LocalMonth, Omit<UpcomingOccurrence, 'effect'>[]>();
    for (const item of found) {
      const month = monthOf(item.date);
      byMonth.set(month, [...(byMonth.get(month) ?? []), item]);
    }
    const result: UpcomingOccurrence[] = [];
    for (const [month, items] of byMonth) {
      const ledger = items.map(({ recurring, date }): LedgerTransaction => ({
        categoryId: recurring.categoryId,
        amountMinor: recurring.amountMinor,
        currency: recurring.currency,
        direction: 'expense',
        bookedOn: date,
      }));
      const scenarios = ledger.map((_, k) => ledger.slice(0, k));
      scenarios.push(ledger);
      const preview = await this.deps.months.previewMonth(userId, month, scenarios);
      items.forEach((item, k) => {
        const before = preview?.states[k];
        const after = preview?.states[k + 1];
        result.push({ ...item, effect: before && after ? effectOf(item, before, after) : null });
      });
    }
    return result;
  }
}

function effectOf(
  item: Omit<UpcomingOccurrence, 'effect'>,
  before: MonthState,
  after: MonthState,
): DayEffect {
  const day = dayOfMonth(item.date);
  const { categoryId } = item.recurring;
  const cellBefore = before.cell(day, categoryId);
  const cellAfter = after.cell(day, categoryId);
  const remainingOfDay = (state: MonthState) => {
    const view = state.day(day);
    return view ? view.allocationMinor - view.spentMinor : 0;
  };
  return {
    categoryRemainingBeforeMinor: cellBefore?.remainingMinor ?? 0,
    categoryRemainingAfterMinor: cellAfter?.remainingMinor ?? 0,
    dayRemainingBeforeMinor: remainingOfDay(before),
    dayRemainingAfterMinor: remainingOfDay(after),
    coveredMinor: (cellAfter?.coveredMinor ?? 0) - (cellBefore?.coveredMinor ?? 0),
    uncoveredMinor: (cellAfter?.uncoveredMinor ?? 0) - (cellBefore?.uncoveredMinor ?? 0),
  };
}
