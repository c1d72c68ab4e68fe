import { alertLevelOf, computePace, monthOf, type LocalDate, type LocalMonth, type PaceLevel } from '@pace/engine';
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

/** Budget reads: a day, a month, the home screen. */
export class BudgetQueryService {
  constructor(private readonly deps: { months: BudgetMonthService }) {}

  async getMonth(userId: string, month: LocalMonth): Promise<MonthSnapshot> {
    const snapshot = await this.deps.months.readMonth(userId, month);
    if (!snapshot) throw new BudgetError('PLAN_NOT_FOUND', { month });
    return snapshot;
  }

  async getDay(userId: string, date: LocalDate): Promise<{ snapshot: MonthSnapshot; day: SnapshotDay }> {
    const snapshot = await this.getMonth(userId, monthOf(date));
    const day = snapshot.days.find((d) => d.date === date);
    if (!day) throw new BudgetError('PLAN_NOT_FOUND', { month: monthOf(date) });
    return { snapshot, day };
  }

  /** Today per category, the month, pace per spendable category and today's budget alerts. */
  async getDashboard(userId: string): Promise<DashboardData> {
    const today = await this.deps.months.todayForUser(userId);
    const snapshot = await this.getMonth(userId, monthOf(today));
    const day = snapshot.days.find((d) => d.date === today) ?? null;
    const fixed = new Set(snapshot.categories.filter((c) => c.behaviour === 'fixed').map((c) => c.id));
    return { snapshot, today: day, pace: paceOf(snapshot), alerts: day ? alertsOf(day, fixed) : [] };
  }
}

function paceOf(s: MonthSnapshot): CategoryPaceEntry[] {
  const todayNumber = Number(s.today.slice(8, 10));
  if (!s.today.startsWith(`${s.month}-`)) return [];
  return s.categories
    .filter((c) => c.priority !== 'sacred' && c.behaviour !== 'fixed')
    .map((c) => {
      const spentMinor = s.days.filter((d) => d.day <= todayNumber).reduce((sum, d) => sum + (d.cells.find((x) => x.categoryId === c.id)?.spentMinor ?? 0), 0);
      const pace = computePace({
        spentMinor,
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
    return level === null ? [] : [{ categoryId: cell.categoryId, level, spentMinor: cell.spentMinor, allocationMinor }];
  });
}
