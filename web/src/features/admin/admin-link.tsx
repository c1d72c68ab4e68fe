'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useIsAdmin } from './use-is-admin';
import styles from './admin.module.css';

/** The way in to the admin console from Settings, shown only to admins. */
export function AdminLink() {
  const t = useTranslations('admin');
  const isAdmin = useIsAdmin();
  if (!isAdmin) return null;
  return (
    <section className={styles.card} aria-labelledby="admin-link-title">
      <h2 id="admin-link-title" className={styles.cardTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('settingsLinkHint')}</p>
      <Link href="/admin/" className={styles.link} data-testid="admin-link">
        {t('settingsLink')}
      </Link>
    </section>
  );
}
