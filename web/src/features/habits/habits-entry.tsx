'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './habits.module.css';

/** A way in to habits and mood from another screen (Goals). */
export function HabitsEntry() {
  const t = useTranslations('habits.entry');
  return (
    <section className={styles.entry} aria-label={t('title')}>
      <p>
        <strong>{t('title')}</strong> {t('text')}
      </p>
      <Link href="/habits/" className={styles.entryLink}>
        {t('link')}
      </Link>
    </section>
  );
}
