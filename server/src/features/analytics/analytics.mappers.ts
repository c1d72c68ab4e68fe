import {
  ANOMALY_MIN_DAYS,
  BASIS_POINTS,
  PEER_MIN_GROUP,
  type HealthComponent as EngineComponent,
  type MonthPace,
} from '@pace/engine';
import { toMoney } from '../../graphql/money.type';
import {
  type AnomalyMethodGql,
  type HealthComponentKindGql,
  type IncomeBandGql,
  PeerComparisonStatusGql,
  type PeerPositionGql,
  type SpendingPaceLevelGql,
  type TrendDirectionGql,
} from './analytics-enums.type';
import type { PeerComparisonView, SpendingInsightsView } from './analytics.service';
import {
  CategoryDrift,
  CategorySpending,
  FinancialHealth,
  HealthComponent,
  MonthAmount,
  SpendingAnomalies,
  SpendingAnomalyDay,
  SpendingDrift,
  SpendingInsights,
  SpendingPace,
  SpendingTrend,
} from './analytics.type';
import { PeerCategoryComparison, PeerComparison } from './peer-comparison.type';

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

/** The health component's sentence in English, from its figures. */
export function explanationOf(c: EngineComponent): string {
  if (c.ratio === null)
    return c.id === 'days_within_budget'
      ? 'No finished day to judge yet.'
      : 'No income in the plan to judge it against.';
  switch (c.id) {
    case 'savings':
      return `Projected savings rate ${percent(c.ratio)} of income against a target of ${percent(c.target)}.`;
    case 'days_within_budget':
      return `${percent(c.ratio)} of finished days stayed within budget in every category.`;
    case 'bills':
      return `Bills take ${percent(c.ratio)} of income (comfortable up to ${percent(c.target)}, heavy from 80 %).`;
    case 'buffer':
      return c.ratio >= 1
        ? 'Every overspend this month was covered from other money (or there was none).'
        : `${percent(c.ratio)} of this month’s overspending was covered; the rest is a deficit.`;
  }
}

export function toSpendingInsights(view: SpendingInsightsView): SpendingInsights {
  const { currency, categories } = view;
  const money = (minor: number) => toMoney(minor, currency);
  const nameOf = (id: string) => categories.get(id)?.name ?? id;
  const pace = (p: MonthPace, categoryId: string | null) =>
    Object.assign(new SpendingPace(), {
      categoryId,
      categoryName: categoryId === null ? null : nameOf(categoryId),
      spent: money(p.spentMinor),
      plan: money(p.planMinor),
      expectedToDate: money(p.expectedToDateMinor),
      ahead: money(p.aheadMinor),
      elapsedDays: p.elapsedDays,
      planDays: p.planDays,
      level: p.level as SpendingPaceLevelGql,
      ratio: p.ratio === null ? null : Math.round(p.ratio * 100) / 100,
      runOutOn: p.runOutOn,
    });
  return Object.assign(new SpendingInsights(), {
    month: view.period.month,
    today: view.period.today,
    isInProgress: view.period.isInProgress,
    total: money(view.breakdown.totalMinor),
    breakdown: view.breakdown.entries.map((e) =>
      Object.assign(new CategorySpending(), {
        categoryId: e.categoryId,
        categoryName: nameOf(e.categoryId),
        amount: money(e.amountMinor),
        shareBasisPoints: e.shareBasisPoints,
        share: e.shareBasisPoints / BASIS_POINTS,
      }),
    ),
    trendMonths: view.trendMonths,
    trends: view.trends.map((t) =>
      Object.assign(new SpendingTrend(), {
        categoryId: t.categoryId,
        categoryName: nameOf(t.categoryId),
        series: t.series.map((p) =>
          Object.assign(new MonthAmount(), { month: p.month, amount: money(p.amountMinor) }),
        ),
        current: money(t.currentMinor),
        previous: money(t.previousMinor),
        change: money(t.changeMinor),
        direction: t.direction as TrendDirectionGql,
      }),
    ),
    pace: view.pace ? pace(view.pace.total, null) : null,
    categoryPace: view.pace?.categories.map((c) => pace(c, c.categoryId)) ?? [],
    anomalies: Object.assign(new SpendingAnomalies(), {
      method: view.anomalies.method as AnomalyMethodGql,
      daysInNorm: view.anomalies.daysInNorm,
      neededDays: ANOMALY_MIN_DAYS,
      typical: view.anomalies.typicalMinor === null ? null : money(view.anomalies.typicalMinor),
      threshold:
        view.anomalies.thresholdMinor === null ? null : money(view.anomalies.thresholdMinor),
      days: view.anomalies.anomalies.map((a) =>
        Object.assign(new SpendingAnomalyDay(), {
          date: a.date,
          amount: money(a.amountMinor),
          aboveTypical: money(a.aboveTypicalMinor),
          score: Math.round(a.score * 100) / 100,
        }),
      ),
    }),
    drift: Object.assign(new SpendingDrift(), {
      previousMonth: view.previousMonth,
      distanceBasisPoints: view.drift.distanceBasisPoints,
      categories: view.drift.entries.map((e) =>
        Object.assign(new CategoryDrift(), { ...e, categoryName: nameOf(e.categoryId) }),
      ),
    }),
    health: view.health
      ? Object.assign(new FinancialHealth(), {
          score: view.health.score,
          components: view.health.components.map((c) =>
            Object.assign(new HealthComponent(), {
              kind: c.id as HealthComponentKindGql,
              weight: c.weight,
              value: c.value,
              points: Math.round(c.points * 10) / 10,
              ratio: c.ratio,
              target: c.target,
              explanation: explanationOf(c),
            }),
          ),
        })
      : null,
  });
}

export function toPeerComparison(view: PeerComparisonView): PeerComparison {
  const { result } = view;
  return Object.assign(new PeerComparison(), {
    month: view.period.month,
    status: result.isReported
      ? PeerComparisonStatusGql.REPORTED
      : PeerComparisonStatusGql.NOT_ENOUGH_PEERS,
    neededPeers: result.isReported ? PEER_MIN_GROUP : result.neededPeers,
    incomeBand: view.group.tier as IncomeBandGql,
    region: view.group.region,
    categories: result.isReported
      ? result.categories.map((c) =>
          Object.assign(new PeerCategoryComparison(), {
            categoryId: c.categoryId,
            categoryName: view.categories.get(c.categoryId)?.name ?? c.categoryId,
            yourShareBasisPoints: c.viewerShareBasisPoints,
            lowerQuartileBasisPoints: c.lowerQuartileBasisPoints,
            medianBasisPoints: c.medianBasisPoints,
            upperQuartileBasisPoints: c.upperQuartileBasisPoints,
            yourShare: c.viewerShareBasisPoints / BASIS_POINTS,
            median: c.medianBasisPoints / BASIS_POINTS,
            position: c.position as PeerPositionGql,
          }),
        )
      : [],
  });
}
