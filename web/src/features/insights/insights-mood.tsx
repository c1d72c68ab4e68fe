'use client';

import { formatDecimal, parseDecimal } from '@pace/engine';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { correlationSentence } from '@/features/habits/correlation-words';
import type { MoodSpendingQuery } from '@/lib/graphql/generated';
import { ColumnChart } from './insights-charts-lazy';
import { useInsightFormat } from './use-insight-format';
import styles from './insights.module.css';

export type MoodSpending = MoodSpendingQuery['moodSpendingCorrelation'];

const SCORES = [1, 2, 3, 4, 5] as const;

/** Average spending on treats per mood score, in minor units (rounded: for display only). */
export function averageByMood(points: MoodSpending['points'], currency: string) {
  return SCORES.map((score) => {
    const days = points.filter((p) => p.score === score);
    const total = days.reduce((sum, p) => sum + parseDecimal(p.spent.amount, currency), 0);
    return {
      score,
      days: days.length,
      averageMinor: days.length ? Math.round(total / days.length) : 0,
    };
  });
}

/**
 * Mood against spending on treats over the last 90 days: the correlation in words, and the
 * average spending on days of each mood as columns with the same figures listed below.
 */
export function MoodCard({ mood }: { mood: MoodSpending }) {
  const t = useTranslations('insights.mood');
  const sentence = useTranslations('habits.correlation');
  const currency = mood.points[0]?.spent.currency ?? null;
  const format = useInsightFormat(currency);
  const rows = currency ? averageByMood(mood.points, currency) : [];
  const exact = (minor: number) => (currency ? format.money(formatDecimal(minor, currency)) : '');
  return (
    <section className={styles.card} aria-labelledby="insights-mood" data-testid="insights-mood">
      <h2 id="insights-mood" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>
        {t('range', { from: format.date(mood.from), to: format.date(mood.to) })}
      </p>
      <p data-testid="insights-mood-sentence">
        {t('summary', { sentence: correlationSentence(mood, sentence) })}
      </p>
      {mood.points.length === 0 ? (
        <p className={styles.muted}>{t('empty')}</p>
      ) : (
        <>
          <ColumnChart
            title={t('chartTitle')}
            description={t('chartDescription')}
            testId="mood-chart"
            data={rows.map((row) => ({
              key: String(row.score),
              label: t('score', { score: row.score }),
              value: row.averageMinor,
              caption: row.days ? format.compactMoney(row.averageMinor) : '–',
              isHighlighted: row.days > 0,
            }))}
          />
          <ul className={styles.plainList}>
            {rows.map((row) => (
              <li key={row.score} className={styles.rowHead}>
                <span>{t('scoreName', { score: row.score })}</span>
                <span className={styles.figure}>
                  {row.days
                    ? t('average', { amount: exact(row.averageMinor), days: row.days })
                    : t('noDays')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link href="/habits/" className={styles.secondary}>
        {t('link')}
      </Link>
    </section>
  );
}
