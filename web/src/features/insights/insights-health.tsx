'use client';

import { useTranslations } from 'next-intl';
import type { Insights } from './insights-screen';
import { useInsightFormat } from './use-insight-format';
import styles from './insights.module.css';

type Health = NonNullable<Insights['health']>;
type Component = Health['components'][number];

const NAME_KEYS = {
  SAVINGS: 'savings',
  DAYS_WITHIN_BUDGET: 'days',
  BILLS: 'bills',
  BUFFER: 'buffer',
} as const;

/** The financial health score and, for each of its parts, its points and a sentence. */
export function HealthCard({ health }: { health: Health }) {
  const t = useTranslations('insights.health');
  const format = useInsightFormat(null);
  const sentence = (c: Component) => {
    const key = NAME_KEYS[c.kind];
    if (c.ratio === null) return key === 'days' ? t('days.none') : t('noIncome');
    if (key === 'buffer' && c.ratio >= 1) return t('buffer.none');
    return t(`${key}.text`, { rate: format.ratio(c.ratio), target: format.ratio(c.target) });
  };
  return (
    <section className={styles.card} aria-labelledby="insights-health">
      <h2 id="insights-health" className={styles.cardTitle}>
        {t('title')}
      </h2>
      {health.score === null ? (
        <p className={styles.muted}>{t('noScore')}</p>
      ) : (
        <p className={styles.score} data-testid="health-score">
          <span className={styles.scoreValue}>{health.score}</span>
          <span className={styles.muted}>{t('outOf')}</span>
        </p>
      )}
      <ul className={styles.plainList}>
        {health.components.map((c) => (
          <li key={c.kind} className={styles.component}>
            <div className={styles.rowHead}>
              <strong>{t(`${NAME_KEYS[c.kind]}.name`)}</strong>
              <span className={styles.muted}>
                {c.value === null
                  ? t('notJudged')
                  : t('points', { points: Math.round(c.points * 10) / 10, weight: c.weight })}
              </span>
            </div>
            <Bar value={c.value ?? 0} />
            <p className={styles.small}>{sentence(c)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A decorative bar (0–1): the figure beside it is the text alternative. */
export function Bar({ value, tone }: { value: number; tone?: 'brand' | 'muted' }) {
  const width = `${Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10}%`;
  return (
    <span className={styles.track} aria-hidden="true">
      <span
        className={tone === 'muted' ? styles.fillMuted : styles.fill}
        style={{ inlineSize: width }}
      />
    </span>
  );
}
