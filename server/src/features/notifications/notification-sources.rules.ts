import {
  computePace,
  formatDecimal,
  isWinningDay,
  winMilestoneOf,
  type LocalDate,
  type PaceLevel,
} from '@pace/engine';
import type { NotificationParams, NotificationType } from './notification.table';

/** What a source asks for; the service adds the id and the instant. */
export interface NotificationDraft {
  userId: string;
  type: NotificationType;
  groupKey: string;
  params: NotificationParams;
}

/** The fields of a budget alert (the budget feature's TransactionAlertEvent) a notification uses. */
export interface AlertFacts {
  userId: string;
  key: string;
  kind: 'budget_level' | 'pace' | 'large_transaction' | 'deficit' | 'goal_milestone';
  currency: string;
  categoryId: string | null;
  categoryName: string | null;
  date: string | null;
  level: number | null;
  paceLevel: PaceLevel | null;
  runOutOn: string | null;
  amountMinor: number;
  allocationMinor: number | null;
  milestone: number | null;
}

/** A budget alert as a notification: same key (so pace shares its 24 h window), words' facts. */
export function draftOfAlert(alert: AlertFacts): NotificationDraft {
  const money = (minor: number | null) =>
    minor === null ? null : formatDecimal(minor, alert.currency);
  return {
    userId: alert.userId,
    type: alert.kind,
    groupKey: alert.key,
    params: {
      categoryId: alert.categoryId,
      categoryName: alert.categoryName,
      date: alert.date,
      level: alert.level,
      paceLevel: alert.paceLevel,
      runOutOn: alert.runOutOn,
      amount: money(alert.amountMinor),
      allocation: money(alert.allocationMinor),
      currency: alert.currency,
      milestone: alert.milestone,
    },
  };
}

/** The parts of a computed month (the budget's snapshot) the daily checks read. */
export interface DailyMonthFacts {
  month: string;
  currency: string;
  today: LocalDate;
  firstDay: number;
  daysInMonth: number;
  categories: ReadonlyArray<{
    id: string;
    name: string;
    behaviour: string;
    priority: string;
    planMinor: number;
    spentMinor: number;
  }>;
  days: ReadonlyArray<{
    day: number;
    date: LocalDate;
    isFinished: boolean;
    isToday: boolean;
    cells: ReadonlyArray<{
      categoryId: string;
      allocationMinor: number;
      coveredMinor: number;
      spentMinor: number;
    }>;
  }>;
}

const isSpendable = (c: { behaviour: string; priority: string }) =>
  c.behaviour !== 'fixed' && c.priority !== 'sacred';

/**
 * The daily checks (domain §5) on this month: pace per spendable category (keyed `pace:<id>` like
 * the transaction alerts, so one 24 h window covers both), and the win streak's highest milestone.
 * A day's plan for wins is its allocation before covers, in spendable categories.
 */
export function dailyDrafts(userId: string, month: DailyMonthFacts): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  const today = Number(month.today.slice(8, 10));
  const firstDate = `${month.month}-${String(month.firstDay).padStart(2, '0')}`;
  const spendable = new Set(month.categories.filter(isSpendable).map((c) => c.id));
  if (month.today.startsWith(`${month.month}-`)) {
    for (const category of month.categories.filter(isSpendable)) {
      const pace = computePace({
        spentMinor: category.spentMinor,
        planMinor: category.planMinor,
        elapsedDays: today - month.firstDay + 1,
        planDays: month.daysInMonth - month.firstDay + 1,
        firstDate,
      });
      if (pace.level === 'none') continue;
      drafts.push({
        userId,
        type: 'pace',
        groupKey: `pace:${category.id}`,
        params: {
          categoryId: category.id,
          categoryName: category.name,
          paceLevel: pace.level,
          runOutOn: pace.runOutOn,
          amount: formatDecimal(category.spentMinor, month.currency),
          currency: month.currency,
        },
      });
    }
  }
  let streak = 0;
  for (const day of [...month.days].filter((d) => d.isFinished).sort((a, b) => b.day - a.day)) {
    const cells = day.cells.filter((c) => spendable.has(c.categoryId));
    const planned = cells.reduce((sum, c) => sum + c.allocationMinor - c.coveredMinor, 0);
    const spent = cells.reduce((sum, c) => sum + c.spentMinor, 0);
    if (!isWinningDay(spent, planned)) break;
    streak += 1;
  }
  const milestone = winMilestoneOf(streak);
  if (milestone !== null)
    drafts.push({
      userId,
      type: 'win',
      groupKey: 'win',
      params: { milestone, streakDays: streak },
    });
  return drafts;
}
