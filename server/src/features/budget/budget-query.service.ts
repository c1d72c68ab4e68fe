import {
  addMonths,
  alertLevelOf,
  computePace,
  monthOf,
  monthsBetween,
  type LocalDate,
  type LocalMonth,
  type PaceLevel,
  type Status,
} from '@pace/engine';
import { BudgetError } from './budget.errors';
import type { BudgetMonthService } from './month.service';
import type { MonthSnapshot, SnapshotDay } from './month-snapshot.rules';

export interface CategoryPaceEntry {
  categoryId: string;
  level: PaceLevel;
  ratio: number | null;
  runOutOn: LocalDate | null;
}

export interface AlertEntry {
  categoryId: string;
  level: number;
  spentMinor: number;
  allocationMinor: number;
}

export interface DashboardData {
  snapshot: MonthSnapshot;
  today: SnapshotDay | null;
  pace: CategoryPaceEntry[];
  alerts: AlertEntry[];
}

export interface CalendarDayData {
  date: LocalDate;
  isToday: boolean;
  isFinished: boolean;
  isPlanned: boolean;
  allocationMinor: number;
  spentMinor: number;
  status: Status;
}

export interface CheckpointData {
  snapshot: MonthSnapshot;
  day: SnapshotDay;
  status: Status;
  deficitSoFarMinor: number;
}

/** The longest history served at once (two years of months). */
export const MAX_HISTORY_MONTHS = 24;

/** Budget reads: a day, a month, the home screen, the history, a calendar, a checkpoint. */
export class BudgetQueryService {
  constructor(private readonly deps: { months: BudgetMonthService }) {}

  async getMonth(userId: string, month: LocalMonth): Promise<MonthSnapshot> {
    const snapshot = await this.deps.months.readMonth(userId, month);
    if (!snapshot) throw new BudgetError('PLAN_NOT_FOUND', { month });
    return snapshot;
  }

  async getDay(
    userId: string,
    date: LocalDate,
  ): Promise<{ snapshot: MonthSnapshot; day: SnapshotDay }> {
    const snapshot = await this.getMonth(userId, monthOf(date));
    const day = snapshot.days.find((d) => d.date === date);
    if (!day) throw new BudgetError('PLAN_NOT_FOUND', { month: monthOf(date) });
    return { snapshot, day };
  }

  /** The months from `from` to `to` (inclusive) that have a plan, oldest first. */
  async listHistory(userId: string, from: LocalMonth, to: LocalMonth): Promise<MonthSnapshot[]> {
    const count = monthsBetween(from, to) + 1;
    if (count < 1 || count > MAX_HISTORY_MONTHS) {
      throw new BudgetError('BUDGET_INPUT_INVALID', {
        message: `from must not be after to, and at most ${MAX_HISTORY_MONTHS} months apart.`,
      });
    }
    const months = Array.from({ length: count }, (_, i) => addMonths(from, i));
    const snapshots: MonthSnapshot[] = [];
    for (const month of months) {
      const snapshot = await this.deps.months.readMonth(userId, month);
      if (snapshot) snapshots.push(snapshot);
    }
    return snapshots;
  }

  /** Per day of a month: allocation, spending and the day's status, for a calendar view. */
  async getCalendar(
    userId: string,
    month: LocalMonth,
  ): Promise<{ snapshot: MonthSnapshot; days: CalendarDayData[] }> {
    const snapshot = await this.getMonth(userId, month);
    const days = snapshot.days.map((d) => ({
      date: d.date,
      isToday: d.isToday,
      isFinished: d.isFinished,
      isPlanned: d.day >= snapshot.firstDay,
      allocationMinor: d.allocationMinor,
      spentMinor: d.spentMinor,
      status: worstStatusOf(d),
    }));
    return { snapshot, days };
  }

  /** A day's state and the month's uncovered deficit from its first day to that one. */
  async getCheckpoint(userId: string, date: LocalDate): Promise<CheckpointData> {
    const { snapshot, day } = await this.getDay(userId, date);
    const deficitSoFarMinor = snapshot.days
      .filter((d) => d.day <= day.day)
      .reduce((sum, d) => sum + d.cells.reduce((cells, c) => cells + c.uncoveredMinor, 0), 0);
    return { snapshot, day, status: worstStatusOf(day), deficitSoFarMinor };
  }

  /** Today per category, the month, pace per spendable category and today's budget alerts. */
  async getDashboard(userId: string): Promise<DashboardData> {
    const { today, snapshot } = await this.deps.months.readCurrentMonth(userId);
    if (!snapshot) throw new BudgetError('PLAN_NOT_FOUND', { month: monthOf(today) });
    const day = snapshot.days.find((d) => d.date === today) ?? null;
    const fixed = new Set(
      snapshot.categories.filter((c) => c.behaviour === 'fixed').map((c) => c.id),
    );
    return {
      snapshot,
      today: day,
      pace: paceOf(snapshot),
      alerts: day ? alertsOf(day, fixed) : [],
    };
  }
}

const STATUS_RANK: Readonly<Record<Status, number>> = { green: 0, yellow: 1, red: 2 };

/**
 * A day's status is its worst category's (each judged by the engine's status rule): the day's
 * total allocation includes covers and whole bills, so comparing totals would hide an overspend.
 */
function worstStatusOf(day: SnapshotDay): Status {
  return day.cells.reduce<Status>(
    (worst, c) => (STATUS_RANK[c.status] > STATUS_RANK[worst] ? c.status : worst),
    'green',
  );
}

function paceOf(s: MonthSnapshot): CategoryPaceEntry[] {
  const todayNumber = Number(s.today.slice(8, 10));
  if (!s.today.startsWith(`${s.month}-`)) return [];
  // Spending to date per category, in one pass over the grid.
  const spentToDate = new Map<string, number>();
  for (const day of s.days) {
    if (day.day > todayNumber) break;
    for (const cell of day.cells)
      spentToDate.set(cell.categoryId, (spentToDate.get(cell.categoryId) ?? 0) + cell.spentMinor);
  }
  return s.categories
    .filter((c) => c.priority !== 'sacred' && c.behaviour !== 'fixed')
    .map((c) => {
      const pace = computePace({
        spentMinor: spentToDate.get(c.id) ?? 0,
        planMinor: c.planMinor,
        elapsedDays: todayNumber - s.firstDay + 1,
        planDays: s.daysInMonth - s.firstDay + 1,
        firstDate: `${s.month}-${String(s.firstDay).padStart(2, '0')}`,
      });
      return { categoryId: c.id, ...pace };
    });
}

function alertsOf(day: SnapshotDay, fixed: Set<string>): AlertEntry[] {
  return day.cells.flatMap((cell) => {
    if (fixed.has(cell.categoryId)) return [];
    const allocationMinor = cell.allocationMinor - cell.coveredMinor;
    const level = alertLevelOf(cell.spentMinor, allocationMinor);
    return level === null
      ? []
      : [{ categoryId: cell.categoryId, level, spentMinor: cell.spentMinor, allocationMinor }];
  });
}
