'use client';

import { useTranslations } from 'next-intl';
import { useOnlineStatus } from '@/lib/network/use-online-status';
import { StatusPill } from '@/ui/status-pill';

/** Tells the user whether the app is online; announced politely when it changes. */
export function ConnectionIndicator() {
  const t = useTranslations('shell.connection');
  const status = useOnlineStatus();

  return (
    <span role="status">
      {status === 'offline' ? (
        <StatusPill tone="warn">{t('offline')}</StatusPill>
      ) : (
        <StatusPill tone="ok" isHidden={status === 'unknown'}>
          {t('online')}
        </StatusPill>
      )}
    </span>
  );
}
