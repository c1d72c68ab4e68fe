'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { useSyncStatus } from '@/features/sync/sync-runtime';
import { EntryCard } from '@/ui/entry-card';
import { flushReceiptUploads } from './receipt-queue';

/**
 * A way in to receipt scanning from Today. Today is where a person lands, so it is also where
 * photos read offline start their upload once the device is back online.
 */
export function ReceiptsEntry() {
  const t = useTranslations('receipts.entry');
  // After each sync the outbox has sent the expenses booked from those photos: the server knows
  // the transactions the uploads name.
  const { lastSyncedAt } = useSyncStatus();
  useEffect(() => {
    const upload = () => {
      if (navigator.onLine) void flushReceiptUploads();
    };
    upload();
    window.addEventListener('online', upload);
    return () => window.removeEventListener('online', upload);
  }, [lastSyncedAt]);
  return (
    <EntryCard
      label={t('title')}
      title={t('title')}
      text={t('text')}
      link={t('link')}
      href="/receipts/"
    />
  );
}
