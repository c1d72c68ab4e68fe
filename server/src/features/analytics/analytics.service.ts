import {
  addMonths,
  comparePeers,
  computeBreakdown,
  computeDrift,
  computeTrends,
  dateInMonth,
  dayOfMonth,
  daysInMonth,
  detectSpendingAnomalies,
  isSamePeerGroup,
  monthOf,
  monthsBetween,
  PEER_MIN_GROUP,
  peerGroupOf,
  spendingByCategory,
  spendingByDay,
  type AnomalyReport,
  type Breakdown,
  type CategoryTrend,
  type Drift,
  type HealthScore,
  type LedgerTransaction,
  type LocalDate,
  type LocalMonth,
  type PeerComparison,
  type PeerGroup,
  type PlanSettings,
} from '@pace/engine';
import { AnalyticsError } from './analytics.errors';
import { healthOfMonth, paceOfMonth, type ComputedMonth, type PaceView } from './insights.rules';

/** How far back analytics may look: two years of months before the current one. */
export const MAX_MONTHS_BACK = 24;
/** Months before the month asked that trends show. */
export const TREND_MONTHS_BEFORE = 3;

/** A category's display name and behaviour (the plan's, the person's own, or the built-in one). */
export interface CategoryInfo {
  name: string;
  behaviour: string;
}

export interface AnalyticsDeps {
  /** The budget settings (throws ONBOARDING_REQUIRED before onboarding). */
  settings: (
    userId: string,
  ) => Promise<{ currency: string; timeZone: string; planSettings: PlanSettings }>;
  todayIn: (timeZone: string) => LocalDate;
  /** The computed month, or null for a past month without a plan. */
  readMonth: (userId: string, month: LocalMonth) => Promise<ComputedMonth | null>;
  categories: (userId: string) => Promise<ReadonlyMap<string, CategoryInfo>>;
  expensesBetween: (userId: string, from: LocalDate, to: LocalDate) => Promise<LedgerTransaction[]>;
  otherPlanSettings: (
    userId: string,
    currency: string,
  ) => Promise<Array<{ userId: string; planSettings: PlanSettings }>>;
  expensesOfUsersBetween: (
    userIds: readonly string[],
    from: LocalDate,
    to: LocalDate,
  ) => Promise<
    Array<{ userId: string; categoryId: string; currency: string; amountMinor: number }>
  >;
}

/** The months and days an analytics read covers. */
interface Period {
  month: LocalMonth;
  today: LocalDate;
  isInProgress: boolean;
  from: LocalDate;
  /** The month's last day, or today while it is in progress. */
  to: LocalDate;
}

export interface SpendingInsightsView {
  period: Period;
  currency: string;
  categories: ReadonlyMap<string, CategoryInfo>;
  breakdown: Breakdown;
  trendMonths: LocalMonth[];
  previousMonth: LocalMonth;
  trends: CategoryTrend[];
  pace: PaceView | null;
  anomalies: AnomalyReport;
  drift: Drift;
  health: HealthScore | null;
}

export interface PeerComparisonView {
  period: Period;
  group: PeerGroup;
  categories: ReadonlyMap<string, CategoryInfo>;
  result: PeerComparison;
}

/** Spending analytics of one person's ledger (domain §8), in their local calendar and currency. */
export class AnalyticsService {
  constructor(private readonly deps: AnalyticsDeps) {}

  async spendingInsights(userId: string, month: LocalMonth | null): Promise<SpendingInsightsView> {
    const settings = await this.deps.settings(userId);
    const period = this.periodOf(settings.timeZone, month);
    const { currency } = settings;
    const first = addMonths(period.month, -TREND_MONTHS_BEFORE);
    const [ledger, computed, categories] = await Promise.all([
      this.deps.expensesBetween(userId, `${first}-01`, period.to),
      this.deps.readMonth(userId, period.month),
      this.deps.categories(userId),
    ]);
    const trendMonths = Array.from({ length: TREND_MONTHS_BEFORE + 1 }, (_, i) =>
      addMonths(first, i),
    );
    const byMonth = trendMonths.map((m) => ({
      month: m,
      byCategory: spendingByCategory(ledger, { currency, from: `${m}-01`, to: lastDayOf(m) }),
    }));
    const current = byMonth.at(-1)?.byCategory ?? new Map<string, number>();
    const previousMonth = addMonths(period.month, -1);
    const previousWhole = byMonth.at(-2)?.byCategory ?? new Map<string, number>();
    const previous = period.isInProgress
      ? spendingByCategory(ledger, {
          currency,
          from: `${previousMonth}-01`,
          to: sameDayIn(previousMonth, period.today),
        })
      : previousWhole;
    const isDayToDay = (id: string) => categories.get(id)?.behaviour !== 'fixed';
    const daily = spendingByDay(ledger, { currency, isCounted: isDayToDay });
    const outsidePlan = computed
      ? [...current].reduce(
          (s, [id, v]) => (computed.categories.some((c) => c.id === id) ? s : s + v),
          0,
        )
      : 0;
    return {
      period,
      currency,
      categories,
      breakdown: computeBreakdown(current),
      trendMonths,
      previousMonth,
      trends: computeTrends({ months: byMonth, previous }),
      pace: computed ? paceOfMonth(computed, period.today) : null,
      anomalies: detectSpendingAnomalies({
        history: [...daily].map(([date, amountMinor]) => ({ date, amountMinor })),
        from: period.from,
        to: period.to,
      }),
      drift: computeDrift(previousWhole, current),
      health: computed
        ? healthOfMonth({
            month: computed,
            settings: settings.planSettings,
            isInProgress: period.isInProgress,
            spendingOutsidePlanMinor: outsidePlan,
          })
        : null,
    };
  }

  /**
   * The person's spending mix against their peer group's, read only when the group is large
   * enough: below it, no one else's ledger is read at all.
   */
  async peerComparison(userId: string, month: LocalMonth | null): Promise<PeerComparisonView> {
    const settings = await this.deps.settings(userId);
    const period = this.periodOf(settings.timeZone, month);
    const group = peerGroupOf({ ...settings.planSettings, currency: settings.currency });
    const candidates = (await this.deps.otherPlanSettings(userId, settings.currency)).filter((p) =>
      isSamePeerGroup(group, peerGroupOf({ ...p.planSettings, currency: settings.currency })),
    );
    const [ledger, rows, categories] = await Promise.all([
      this.deps.expensesBetween(userId, period.from, period.to),
      candidates.length >= PEER_MIN_GROUP
        ? this.deps.expensesOfUsersBetween(
            candidates.map((c) => c.userId),
            period.from,
            period.to,
          )
        : Promise.resolve([]),
      this.deps.categories(userId),
    ]);
    const peers = new Map<string, LedgerTransaction[]>();
    for (const row of rows) {
      const list = peers.get(row.userId) ?? [];
      list.push({ ...row, bookedOn: period.from, direction: 'expense' });
      peers.set(row.userId, list);
    }
    const currency = settings.currency;
    const result = comparePeers({
      viewer: spendingByCategory(ledger, { currency }),
      peers: [...peers.values()].map((entries) => spendingByCategory(entries, { currency })),
    });
    return { period, group, categories, result };
  }

  private periodOf(timeZone: string, month: LocalMonth | null): Period {
    const today = this.deps.todayIn(timeZone);
    const current = monthOf(today);
    const target = month ?? current;
    const back = monthsBetween(target, current);
    if (back < 0 || back > MAX_MONTHS_BACK)
      throw new AnalyticsError('ANALYTICS_MONTH_OUT_OF_RANGE', {
        month: target,
        earliest: addMonths(current, -MAX_MONTHS_BACK),
        latest: current,
      });
    const isInProgress = target === current;
    return {
      month: target,
      today,
      isInProgress,
      from: `${target}-01`,
      to: isInProgress ? today : lastDayOf(target),
    };
  }
}

function lastDayOf(month: LocalMonth): LocalDate {
  return dateInMonth(month, daysInMonth(month));
}

/** The same day number in another month, clamped to its length (31 March → 28 February). */
function sameDayIn(month: LocalMonth, date: LocalDate): LocalDate {
  return dateInMonth(month, Math.min(dayOfMonth(date), daysInMonth(month)));
}
