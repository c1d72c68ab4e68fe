'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { flushReceiptUploads } from './receipt-queue';
import styles from './receipts.module.css';

/**
 * A way in to receipt scanning from Today. Today is where a person lands, so it is also where
 * photos read offline start their upload once the device is back online.
 */
export function ReceiptsEntry() {
  const t = useTranslations('receipts.entry');
  useEffect(() => {
    const upload = () => {
      if (navigator.onLine) void flushReceiptUploads();
    };
    upload();
    window.addEventListener('online', upload);
    return () => window.removeEventListener('online', upload);
  }, []);
  return (
    <section className={styles.entry} aria-label={t('title')}>
      <p>
        <strong>{t('title')}</strong> {t('text')}
      </p>
      <Link href="/receipts/" className={styles.entryLink}>
        {t('link')}
      </Link>
    </section>
  );
}
