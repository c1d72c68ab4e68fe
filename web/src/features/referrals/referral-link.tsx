'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import styles from './referrals.module.css';

/** The way to the referrals page from Settings and the premium page. */
export function ReferralLink() {
  const t = useTranslations('referrals');
  return (
    <section className={styles.card} aria-labelledby="referral-link-title">
      <h2 id="referral-link-title" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('linkHint')}</p>
      <Link href="/referrals/" className={styles.link} data-testid="referral-link">
        {t('link')}
      </Link>
    </section>
  );
}
