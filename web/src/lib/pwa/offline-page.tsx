'use client';

import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/ui/button-link';
import styles from '@/ui/screen.module.css';

/** Served by the service worker for a page this device has not saved, while offline. */
export function OfflinePage() {
  const t = useTranslations('shell.offlinePage');
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p>{t('text')}</p>
      <ButtonLink href="/">{t('toToday')}</ButtonLink>
    </div>
  );
}
