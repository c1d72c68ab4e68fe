'use client';

import { useTranslations } from 'next-intl';
import { useCategoryLabel } from '@/lib/budget/category-label';
import type { Peers } from './insights-screen';
import { useInsightFormat } from './use-insight-format';
import styles from './insights.module.css';

/** The person's spending mix against their peer group's, or why there is nothing to show yet. */
export function PeersCard({ peers, currency }: { peers: Peers; currency: string }) {
  const t = useTranslations('insights.peers');
  const label = useCategoryLabel();
  const format = useInsightFormat(currency);
  return (
    <section className={styles.card} aria-labelledby="insights-peers">
      <h2 id="insights-peers" className={styles.cardTitle}>
        {t('title')}
      </h2>
      {peers.status === 'NOT_ENOUGH_PEERS' ? (
        <p className={styles.muted} data-testid="peers-not-enough">
          {t('notEnough', { needed: peers.neededPeers })}
        </p>
      ) : (
        <>
          <p className={styles.muted}>{t('intro', { region: peers.region })}</p>
          <ul className={styles.plainList}>
            {peers.categories.slice(0, 8).map((c) => (
              <li key={c.categoryId}>
                <div className={styles.rowHead}>
                  <span>{label(c.categoryId, c.categoryName)}</span>
                  <span className={styles.figure}>{t(`position.${c.position}`)}</span>
                </div>
                <p className={styles.small}>
                  {t('item', {
                    yours: format.share(c.yourShareBasisPoints),
                    median: format.share(c.medianBasisPoints),
                    low: format.share(c.lowerQuartileBasisPoints),
                    high: format.share(c.upperQuartileBasisPoints),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
