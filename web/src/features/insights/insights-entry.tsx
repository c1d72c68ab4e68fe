'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './insights.module.css';

/** A way in to Insights from another screen (Today). */
export function InsightsEntry() {
  const t = useTranslations('insights');
  return (
    <section className={styles.entry} aria-label={t('title')}>
      <p>
        <strong>{t('entry.title')}</strong> {t('entry.text')}
      </p>
      <Link href="/insights/" className={styles.entryLink}>
        {t('entry.link')}
      </Link>
    </section>
  );
}
