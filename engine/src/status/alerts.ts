/**
 * Budget alerts at 80 / 90 / 100 % of a (day, category) allocation (domain §5), reported as what
 * newly happened between two month states so the server notifies once. Each alert carries a
 * `key` (month day, category, level) the server can keep unique to honour "once per level per day"
 * even when spending goes down and up again.
 *
 * Decisions: the allocation is the day's allocation before any cover (as for the status); only
 * days up to today count (a back-dated entry can alert for its own day, a future-dated one not
 * yet); fixed categories have no level alerts (paying a bill in full is 100 % by design, and an
 * over-payment already shows as a red status), nor do sacred ones (savings and goals: putting
 * money aside is the point, and goals have their own milestones); when several levels are crossed
 * at once only the highest is reported.
 */
import type { MonthState } from '../month/month-state';

/** Alert levels in percent of the allocation. */
export const ALERT_LEVELS = [80, 90, 100] as const;

/** One of the alert levels. */
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** The highest level reached by spending against an allocation, or null. */
export function alertLevelOf(spentMinor: number, allocationMinor: number): AlertLevel | null {
  if (spentMinor <= 0) return null;
  let reached: AlertLevel | null = null;
  for (const level of ALERT_LEVELS) {
    // spent / allocation ≥ level / 100, exact in integers.
    if (spentMinor * 100 >= level * allocationMinor) reached = level;
  }
  return reached;
}

/** A newly reached budget level on one (day, category). */
export interface BudgetAlert {
  readonly key: string;
  readonly date: string;
  readonly categoryId: string;
  readonly level: AlertLevel;
  readonly spentMinor: number;
  readonly allocationMinor: number;
}

function lastAlertDay(state: MonthState): number {
  const month = state.today.slice(0, 7);
  if (month < state.month) return 0;
  if (month > state.month) return state.daysInMonth;
  return Number(state.today.slice(8, 10));
}

function levelIn(state: MonthState | null, day: number, categoryId: string): AlertLevel | null {
  const cell = state?.cell(day, categoryId);
  if (cell === undefined) return null;
  return alertLevelOf(cell.spentMinor, cell.allocationMinor - cell.coveredMinor);
}

/** Budget levels reached in `next` that `previous` had not reached (pass null when there is none). */
export function diffBudgetAlerts(previous: MonthState | null, next: MonthState): BudgetAlert[] {
  const before = previous !== null && previous.month === next.month ? previous : null;
  const alerts: BudgetAlert[] = [];
  const lastDay = lastAlertDay(next);
  for (const categoryId of next.categoryIds) {
    const info = next.categoryInfo(categoryId);
    if (info?.behaviour === 'fixed' || info?.priority === 'sacred') continue;
    for (let day = 1; day <= lastDay; day += 1) {
      const cell = next.cell(day, categoryId);
      if (cell === undefined || cell.spentMinor === 0) continue;
      const allocation = cell.allocationMinor - cell.coveredMinor;
      const level = alertLevelOf(cell.spentMinor, allocation);
      const was = levelIn(before, day, categoryId);
      if (level === null || (was !== null && was >= level)) continue;
      alerts.push({
        key: `budget:${cell.date}:${categoryId}:${level}`,
        date: cell.date,
        categoryId,
        level,
        spentMinor: cell.spentMinor,
        allocationMinor: allocation,
      });
    }
  }
  return alerts;
}
