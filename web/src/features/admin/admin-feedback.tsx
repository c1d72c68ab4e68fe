'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ActionOutcome, AdminLoad } from './use-admin-request';
import styles from './admin.module.css';

/** A section's loading, offline and failure states, or its content once ready. */
export function AdminLoadView<T>({
  load,
  onRetry,
  children,
}: {
  load: AdminLoad<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
}) {
  const t = useTranslations('admin');
  if (load.kind === 'ready') return children(load.data);
  if (load.kind === 'loading')
    return (
      <p role="status" aria-busy="true" className={styles.muted}>
        {t('loading')}
      </p>
    );
  if (load.kind === 'offline')
    return (
      <p role="status" className={styles.notice} data-testid="admin-offline">
        {t('offline')}
      </p>
    );
  return (
    <div role="alert" className={styles.notice}>
      <p>{load.kind === 'forbidden' ? t('forAdmins') : t('failed', { code: load.code })}</p>
      <button type="button" className={styles.secondary} onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

/** The last action's outcome, announced to screen readers. */
export function AdminOutcome({ outcome }: { outcome: ActionOutcome | null }) {
  const t = useTranslations('admin');
  return (
    <p role="status" aria-live="polite" className={styles.outcome}>
      {outcome?.kind === 'done'
        ? outcome.message
        : outcome?.kind === 'failed'
          ? t('actionFailed', { code: outcome.code })
          : ''}
    </p>
  );
}
