'use client';

import { parseDecimal } from '@pace/engine';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useCategoryLabel } from '@/lib/budget/category-label';
import type { SpendingClustersQuery } from '@/lib/graphql/generated';
import { apiRequest } from '@/features/sync/sync-runtime';
import { HorizontalBarChart } from './insights-charts-lazy';
import { SPENDING_CLUSTERS } from './insights.operations';
import { useInsightFormat } from './use-insight-format';
import styles from './insights.module.css';

type Clusters = SpendingClustersQuery['spendingClusters'];
type Cluster = Clusters['clusters'][number];

/** How often, and how many times, a COMPUTING answer is asked again. */
const POLL_MS = 2_000;
const POLLS = 15;

/**
 * Spending clusters (premium): groups of days with similar spending. The server computes them in
 * the background, so the card asks again while they are being computed; without the premium plan
 * (FORBIDDEN) or when the request fails there is no card.
 */
export function ClustersCard() {
  const [clusters, setClusters] = useState<Clusters | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = (polls: number) => {
      apiRequest<SpendingClustersQuery>(SPENDING_CLUSTERS).then(
        ({ spendingClusters }) => {
          if (stopped) return;
          setClusters(spendingClusters);
          if (spendingClusters.state === 'COMPUTING' && polls > 0)
            timer = setTimeout(() => load(polls - 1), POLL_MS);
        },
        // FORBIDDEN (not premium), offline or failed: the card stays hidden.
        () => !stopped && setClusters(null),
      );
    };
    load(POLLS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return clusters ? <ClustersSection clusters={clusters} /> : null;
}

function ClustersSection({ clusters }: { clusters: Clusters }) {
  const t = useTranslations('insights.clusters');
  const label = useCategoryLabel();
  const currency = clusters.clusters[0]?.total.currency ?? null;
  const format = useInsightFormat(currency);
  const title = (c: Cluster) =>
    t('name', { category: label(c.dominantCategoryId, c.dominantCategoryName), kind: c.dayKind });
  return (
    <section
      className={styles.card}
      aria-labelledby="insights-clusters"
      aria-busy={clusters.state === 'COMPUTING'}
    >
      <h2 id="insights-clusters" className={styles.cardTitle}>
        {t('title')}
      </h2>
      {clusters.status === null ? (
        <p role="status" className={styles.muted}>
          {t('computing')}
        </p>
      ) : clusters.status === 'NOT_ENOUGH_DATA' ? (
        <p className={styles.muted} data-testid="clusters-not-enough">
          {t('notEnough', {
            needed: clusters.neededTransactions,
            count: clusters.transactionCount,
          })}
        </p>
      ) : (
        <>
          <p className={styles.muted}>{t('intro', { days: clusters.dayCount })}</p>
          <HorizontalBarChart
            testId="insights-clusters-chart"
            title={t('chartTitle')}
            description={t('chartDescription')}
            data={clusters.clusters.map((c) => ({
              key: c.name,
              label: title(c),
              value: currency ? parseDecimal(c.total.amount, currency) : 0,
              caption: format.compactMoney(currency ? parseDecimal(c.total.amount, currency) : 0),
            }))}
          />
          <ul className={styles.plainList} data-testid="insights-clusters">
            {clusters.clusters.map((c) => (
              <li key={c.name} className={styles.barRow}>
                <div className={styles.rowHead}>
                  <span>{title(c)}</span>
                  <span className={styles.figure}>{format.money(c.total.amount)}</span>
                </div>
                <span className={styles.muted}>
                  {t('detail', {
                    days: c.dayCount,
                    ticket: format.money(c.averageTicket.amount),
                    size: c.ticketSize,
                  })}
                </span>
              </li>
            ))}
          </ul>
          {clusters.state === 'COMPUTING' ? (
            <p role="status" className={styles.muted}>
              {t('updating')}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
