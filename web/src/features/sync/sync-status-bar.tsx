'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useCategoryLabel } from '@/lib/budget/category-label';
import { paceDatabase, type ConflictRecord, type TransactionRecord } from '@/lib/db';
import { formatMoney } from '@/lib/format/money';
import { resolveConflict } from '@/lib/sync';
import { minorOf } from '@/lib/sync/mappers';
import { errorKeyOf } from './error-key';
import { useRuleConflictText } from '@/features/rules/use-rule-conflict-text';
import {
  dismissAlert,
  syncNow,
  useConflicts,
  useLiveAlerts,
  usePendingCount,
  useSyncStatus,
} from './sync-runtime';
import styles from './sync.module.css';

/**
 * The device's sync state above a screen: offline, changes waiting, errors; conflicts with both
 * versions and a choice; live alerts as toasts.
 */
export function SyncStatusBar() {
  const t = useTranslations('sync');
  const status = useSyncStatus();
  const pending = usePendingCount();
  const conflicts = useConflicts();
  const [isOnline, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const offline = !isOnline || status.phase === 'offline';
  return (
    <>
      <div className={styles.bar} role="status" data-testid="sync-status">
        {offline ? (
          <span>{t('offline', { count: pending })}</span>
        ) : status.phase === 'error' && status.errorCode === 'UNAUTHENTICATED' ? (
          <span>
            {t('signedOut')}{' '}
            <a href="/sign-in/" className={styles.link}>
              {t('signIn')}
            </a>
          </span>
        ) : status.phase === 'error' ? (
          <span>
            {t('error')}{' '}
            <button type="button" className={styles.link} onClick={syncNow}>
              {t('retry')}
            </button>
          </span>
        ) : pending > 0 ? (
          <span>{t('pending', { count: pending })}</span>
        ) : null}
      </div>
      {conflicts.map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} />
      ))}
      <LiveToasts />
    </>
  );
}

function ConflictCard({ conflict }: { conflict: ConflictRecord }) {
  const t = useTranslations('sync');
  const locale = useLocale();
  const input = (conflict.variables.input ?? conflict.variables) as Record<string, unknown>;
  const server = conflict.server as TransactionRecord | null;
  // A rule's conflict names its pattern and category on both sides.
  const rule = useRuleConflictText(conflict);
  const describe = (fields: { amount?: string; note?: string | null }) =>
    [fields.amount, fields.note].filter(Boolean).join(' · ');
  const mine =
    rule?.mine ??
    describe({
      amount: typeof input.amount === 'string' ? input.amount : undefined,
      note: typeof input.description === 'string' ? input.description : undefined,
    });
  const theirs = rule
    ? rule.theirs
    : server && 'amountMinor' in server
      ? describe({
          amount: formatMoney(server.amountMinor, server.currency, locale),
          note: server.note,
        })
      : '';
  const db = paceDatabase();
  return (
    <section className={styles.conflict} role="alert" data-testid="sync-conflict">
      <h2 className={styles.conflictTitle}>
        {conflict.kind === 'conflict' ? t('conflict.title') : t('rejected.title')}
      </h2>
      {conflict.kind === 'conflict' ? (
        <dl className={styles.versions}>
          <div>
            <dt>{t('conflict.mine')}</dt>
            <dd>{mine || t('conflict.noDetails')}</dd>
          </div>
          <div>
            <dt>{t('conflict.theirs')}</dt>
            <dd>{theirs || t('conflict.noDetails')}</dd>
          </div>
        </dl>
      ) : (
        <p>
          {t(`errors.${errorKeyOf(conflict.code)}`)}{' '}
          {t('rejected.text', { code: conflict.code ?? '' })}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" onClick={() => void resolveConflict(db, conflict, 'mine')}>
          {conflict.kind === 'conflict' ? t('conflict.keepMine') : t('rejected.retry')}
        </button>
        <button type="button" onClick={() => void resolveConflict(db, conflict, 'theirs')}>
          {conflict.kind === 'conflict' ? t('conflict.keepTheirs') : t('rejected.discard')}
        </button>
      </div>
    </section>
  );
}

function LiveToasts() {
  const t = useTranslations('sync');
  const locale = useLocale();
  const alerts = useLiveAlerts();
  const label = useCategoryLabel();
  return (
    <div className={styles.toasts} aria-live="polite" data-testid="live-toasts">
      {alerts.map((alert) => {
        const amount = formatMoney(minorOf(alert.amount), alert.amount.currency, locale);
        const id = alert.categoryId ?? '';
        const category = label(id, alert.categoryName ?? id);
        const text =
          alert.kind === 'BUDGET_LEVEL'
            ? t('alert.budgetLevel', { level: alert.level ?? 0, category })
            : alert.kind === 'PACE'
              ? t('alert.pace', { category })
              : alert.kind === 'DEFICIT'
                ? t('alert.deficit', { amount })
                : alert.kind === 'GOAL_MILESTONE'
                  ? t('alert.goal', { milestone: alert.milestone ?? 0 })
                  : t('alert.large', { amount });
        return (
          <div key={alert.key} className={styles.toast}>
            <span>{text}</span>
            <button type="button" className={styles.link} onClick={() => dismissAlert(alert.key)}>
              {t('dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
