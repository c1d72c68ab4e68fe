/**
 * What the insights read from a computed month (the budget's snapshot): pace against the plan and
 * the health score's inputs. Pure: the service passes the month in.
 */
import {
  computeHealthScore,
  computeMonthPace,
  dateInMonth,
  dayOfMonth,
  isSpendingCategory,
  type CategoryBehaviour,
  type CategoryPriority,
  type HealthScore,
  type LocalDate,
  type LocalMonth,
  type MonthPace,
  type PlanSettings,
  type Status,
} from '@pace/engine';

/** The parts of a computed month the insights read (a budget MonthSnapshot has them all). */
export interface ComputedMonth {
  readonly month: LocalMonth;
  readonly firstDay: number;
  readonly daysInMonth: number;
  readonly categories: readonly {
    readonly id: string;
    readonly behaviour: CategoryBehaviour;
    readonly priority: CategoryPriority;
    readonly planMinor: number;
    readonly allocationMinor: number;
    readonly spentMinor: number;
  }[];
  readonly days: readonly {
    readonly day: number;
    readonly isFinished: boolean;
    readonly cells: readonly {
      readonly status: Status;
      readonly coveredMinor: number;
      readonly uncoveredMinor: number;
    }[];
  }[];
}

export interface CategoryPaceView extends MonthPace {
  readonly categoryId: string;
}

export interface PaceView {
  readonly total: MonthPace;
  readonly categories: readonly CategoryPaceView[];
}

/** Pace applies to day-to-day money: neither bills (paid at once) nor sacred money. */
const hasPace = (c: ComputedMonth['categories'][number]) =>
  c.priority !== 'sacred' && c.behaviour !== 'fixed' && isSpendingCategory(c.id);

/** Elapsed plan days: up to today in the month in progress, all of them in a finished month. */
function daysOf(month: ComputedMonth, today: LocalDate) {
  const lastDay = today.startsWith(`${month.month}-`) ? dayOfMonth(today) : month.daysInMonth;
  return {
    elapsedDays: lastDay - month.firstDay + 1,
    planDays: month.daysInMonth - month.firstDay + 1,
    firstDate: dateInMonth(month.month, month.firstDay),
  };
}

/** Pace of the month's day-to-day spending, in total and per category (fastest first). */
export function paceOfMonth(month: ComputedMonth, today: LocalDate): PaceView {
  const days = daysOf(month, today);
  const paced = month.categories.filter(hasPace);
  const categories = paced
    .filter((c) => c.planMinor > 0 || c.spentMinor > 0)
    .map((c) => ({
      categoryId: c.id,
      ...computeMonthPace({ ...days, spentMinor: c.spentMinor, planMinor: c.planMinor }),
    }))
    .sort((a, b) => b.aheadMinor - a.aheadMinor || (a.categoryId < b.categoryId ? -1 : 1));
  const total = computeMonthPace({
    ...days,
    spentMinor: paced.reduce((s, c) => s + c.spentMinor, 0),
    planMinor: paced.reduce((s, c) => s + c.planMinor, 0),
  });
  return { total, categories };
}

/**
 * The health score of a month: income and bills from the plan settings; spending projected as if
 * the rest of a month in progress goes to plan (each category's allocation, or what it already
 * spent when more); spending on categories outside the plan is added as it is.
 */
export function healthOfMonth(input: {
  month: ComputedMonth;
  settings: PlanSettings;
  isInProgress: boolean;
  spendingOutsidePlanMinor: number;
}): HealthScore {
  const { month, settings } = input;
  const projectedOf = (c: ComputedMonth['categories'][number]) =>
    input.isInProgress ? Math.max(c.spentMinor, c.allocationMinor) : c.spentMinor;
  const spending = month.categories.filter((c) => isSpendingCategory(c.id));
  // A plan made mid-month prorates everything but bills: judge savings over the plan's share of
  // the month (income and bills scaled by plan days / month days) so the first month is fair.
  const planDays = month.daysInMonth - month.firstDay + 1;
  const scale = (minor: number) => Math.round((minor * planDays) / month.daysInMonth);
  const fixed = spending.filter((c) => c.behaviour === 'fixed');
  const projected =
    spending.filter((c) => c.behaviour !== 'fixed').reduce((s, c) => s + projectedOf(c), 0) +
    scale(fixed.reduce((s, c) => s + projectedOf(c), 0)) +
    input.spendingOutsidePlanMinor;
  const income = settings.incomeMinor + (settings.additionalIncomeMinor ?? 0);
  const finished = month.days.filter((d) => d.isFinished && d.day >= month.firstDay);
  const cells = month.days.flatMap((d) => d.cells);
  return computeHealthScore({
    incomeMinor: scale(income),
    savingsTargetMinor: scale(settings.savingsTargetMinor ?? 0),
    fixedBillsMinor: scale((settings.bills ?? []).reduce((s, b) => s + b.amountMinor, 0)),
    projectedSpendingMinor: projected,
    finishedDays: finished.length,
    greenDays: finished.filter((d) => d.cells.every((c) => c.status === 'green')).length,
    overspentMinor: cells.reduce((s, c) => s + c.coveredMinor + c.uncoveredMinor, 0),
    uncoveredMinor: cells.reduce((s, c) => s + c.uncoveredMinor, 0),
  });
}
