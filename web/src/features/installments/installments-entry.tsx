'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './installments.module.css';

/** A way in to the installment calculator from another screen (Goals). */
export function InstallmentsEntry() {
  const t = useTranslations('installments');
  return (
    <section className={styles.entry} aria-label={t('title')}>
      <p>
        <strong>{t('entry.title')}</strong> {t('entry.text')}
      </p>
      <Link href="/installments/" className={styles.entryLink}>
        {t('entry.link')}
      </Link>
    </section>
  );
}
