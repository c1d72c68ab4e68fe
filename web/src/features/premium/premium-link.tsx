'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './premium.module.css';

/** The way to the premium page from Settings. */
export function PremiumLink() {
  const t = useTranslations('settings.premium');
  return (
    <section className={styles.card} aria-labelledby="premium-link-title">
      <h2 id="premium-link-title" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('linkHint')}</p>
      <Link href="/premium/" className={styles.link} data-testid="premium-link">
        {t('link')}
      </Link>
    </section>
  );
}
