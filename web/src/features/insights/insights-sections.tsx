'use client';

import { useTranslations } from 'next-intl';
import { formatDecimal, parseDecimal } from '@pace/engine';
import { useCategoryLabel } from '@/lib/budget/category-label';
import { ColumnChart, HorizontalBarChart } from './insights-charts-lazy';
import type { Insights } from './insights-screen';
import { useInsightFormat } from './use-insight-format';
import styles from './insights.module.css';

/** Categories the breakdown chart draws; the list below names every one. */
const CHART_CATEGORIES = 8;

/**
 * Where the money went: a bar chart of the largest categories, and one row per category, largest
 * first, with its amount and share — the chart's text alternative.
 */
export function BreakdownCard({ insights }: { insights: Insights }) {
  const t = useTranslations('insights.breakdown');
  const label = useCategoryLabel();
  const format = useInsightFormat(insights.total.currency);
  return (
    <section className={styles.card} aria-labelledby="insights-breakdown">
      <h2 id="insights-breakdown" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('total', { amount: format.money(insights.total.amount) })}</p>
      {insights.breakdown.length === 0 ? (
        <p className={styles.muted}>{t('none')}</p>
      ) : (
        <>
          <HorizontalBarChart
            testId="insights-breakdown-chart"
            title={t('chartTitle')}
            description={t('chartDescription')}
            data={insights.breakdown.slice(0, CHART_CATEGORIES).map((row) => ({
              key: row.categoryId,
              label: label(row.categoryId, row.categoryName),
              value: row.shareBasisPoints,
              caption: format.share(row.shareBasisPoints),
            }))}
          />
          <ul className={styles.plainList} data-testid="insights-breakdown">
            {insights.breakdown.map((row) => (
              <li key={row.categoryId} className={styles.barRow}>
                <div className={styles.rowHead}>
                  <span>{label(row.categoryId, row.categoryName)}</span>
                  <span className={styles.figure}>
                    {format.money(row.amount.amount)}
                    <span className={styles.muted}> · {format.share(row.shareBasisPoints)}</span>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const LEVEL_CLASS = {
  NONE: styles.good,
  WATCH: styles.warn,
  WARNING: styles.warn,
  CRITICAL: styles.bad,
} as const;

/** Spending so far against the part of the plan the elapsed days stand for. */
export function PaceCard({ insights }: { insights: Insights }) {
  const t = useTranslations('insights.pace');
  const format = useInsightFormat(insights.total.currency);
  const pace = insights.pace;
  if (!pace) return null;
  const ahead = Number(pace.ahead.amount);
  return (
    <section className={styles.card} aria-labelledby="insights-pace">
      <h2 id="insights-pace" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={`${styles.pill} ${LEVEL_CLASS[pace.level]}`}>{t(`level.${pace.level}`)}</p>
      <p>
        {t('text', {
          spent: format.money(pace.spent.amount),
          plan: format.money(pace.plan.amount),
          expected: format.money(pace.expectedToDate.amount),
        })}
      </p>
      <p className={styles.muted}>
        {ahead > 0
          ? t('ahead', { amount: format.money(pace.ahead.amount) })
          : t('under', { amount: format.money(pace.ahead.amount.replace('-', '')) })}
      </p>
      {pace.runOutOn ? <p>{t('runOut', { date: format.date(pace.runOutOn) })}</p> : null}
    </section>
  );
}

/** Each category against the previous month's comparable days. */
export function TrendsCard({ insights }: { insights: Insights }) {
  const t = useTranslations('insights.trends');
  const label = useCategoryLabel();
  const format = useInsightFormat(insights.total.currency);
  const previous = insights.drift.previousMonth;
  const hasHistory =
    insights.drift.distanceBasisPoints !== null ||
    insights.trends.some((trend) => /[1-9]/.test(trend.previous.amount));
  if (!hasHistory)
    return (
      <section className={styles.card} aria-labelledby="insights-trends">
        <h2 id="insights-trends" className={styles.cardTitle}>
          {t('title')}
        </h2>
        <p className={styles.muted}>{t('none')}</p>
      </section>
    );
  return (
    <section className={styles.card} aria-labelledby="insights-trends">
      <h2 id="insights-trends" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>
        {insights.isInProgress
          ? t('sameDays', { month: format.month(previous) })
          : t('wholeMonth', { month: format.month(previous) })}
      </p>
      <MonthTotals insights={insights} />
      <ul className={styles.plainList}>
        {insights.trends.slice(0, 8).map((trend) => (
          <li key={trend.categoryId} className={styles.rowHead}>
            <span>{label(trend.categoryId, trend.categoryName)}</span>
            <span className={styles.figure}>
              {format.money(trend.current.amount)}{' '}
              <span className={trend.direction === 'UP' ? styles.warnText : styles.muted}>
                {trend.direction === 'FLAT'
                  ? t('flat')
                  : t(trend.direction === 'UP' ? 'up' : 'down', {
                      amount: format.money(trend.change.amount.replace('-', '')),
                    })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Spending per month (the sum of the trends' series), as columns and as a table. */
function MonthTotals({ insights }: { insights: Insights }) {
  const t = useTranslations('insights.trends');
  const { currency } = insights.total;
  const format = useInsightFormat(currency);
  const totals = insights.trendMonths.map((month) => {
    const minor = insights.trends.reduce((sum, trend) => {
      const point = trend.series.find((p) => p.month === month);
      return sum + (point ? parseDecimal(point.amount.amount, currency) : 0);
    }, 0);
    return { month, minor, amount: format.money(formatDecimal(minor, currency)) };
  });
  return (
    <>
      <ColumnChart
        testId="insights-trend-chart"
        title={t('chartTitle')}
        description={t('chartDescription')}
        data={totals.map((m) => ({
          key: m.month,
          label: format.shortMonth(m.month),
          value: m.minor,
          caption: format.compactMoney(m.minor),
          isHighlighted: m.month === insights.month,
        }))}
      />
      <details className={styles.figures}>
        <summary>{t('figures')}</summary>
        <table className={styles.figuresTable} data-testid="insights-trend-table">
          <caption className={styles.muted}>{t('tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monthColumn')}</th>
              <th scope="col">{t('spentColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((m) => (
              <tr key={m.month}>
                <th scope="row">{format.month(m.month)}</th>
                <td>{m.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** Days far above the person's own norm, with the method that judged them. */
export function AnomaliesCard({ insights }: { insights: Insights }) {
  const t = useTranslations('insights.anomalies');
  const format = useInsightFormat(insights.total.currency);
  const { anomalies } = insights;
  const method = anomalies.method;
  return (
    <section className={styles.card} aria-labelledby="insights-anomalies">
      <h2 id="insights-anomalies" className={styles.cardTitle}>
        {t('title')}
      </h2>
      {method === 'NOT_ENOUGH_DATA' ? (
        <p className={styles.muted}>
          {t('notEnough', { needed: anomalies.neededDays, days: anomalies.daysInNorm })}
        </p>
      ) : (
        <>
          <p className={styles.muted}>{t(`method.${method}`)}</p>
          {anomalies.days.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <ul className={styles.plainList} data-testid="insights-anomalies">
              {anomalies.days.map((day) => (
                <li key={day.date}>
                  {t('item', {
                    date: format.date(day.date),
                    amount: format.money(day.amount.amount),
                    above: format.money(day.aboveTypical.amount),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** How the mix of spending moved since the previous month. */
export function DriftCard({ insights }: { insights: Insights }) {
  const t = useTranslations('insights.drift');
  const label = useCategoryLabel();
  const format = useInsightFormat(insights.total.currency);
  const { drift } = insights;
  const moved = drift.categories.filter((c) => c.isNotable);
  return (
    <section className={styles.card} aria-labelledby="insights-drift">
      <h2 id="insights-drift" className={styles.cardTitle}>
        {t('title')}
      </h2>
      {drift.distanceBasisPoints === null ? (
        <p className={styles.muted}>{t('none')}</p>
      ) : (
        <>
          <p>
            {t('distance', {
              share: format.share(drift.distanceBasisPoints),
              month: format.month(drift.previousMonth),
            })}
          </p>
          {moved.length === 0 ? (
            <p className={styles.muted}>{t('steady')}</p>
          ) : (
            <ul className={styles.plainList}>
              {moved.map((c) => (
                <li key={c.categoryId} className={styles.rowHead}>
                  <span>{label(c.categoryId, c.categoryName)}</span>
                  <span className={styles.figure}>
                    {t('change', {
                      from: format.share(c.previousShareBasisPoints),
                      to: format.share(c.currentShareBasisPoints),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
