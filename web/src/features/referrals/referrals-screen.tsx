'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { paceDatabase } from '@/lib/db';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import { MY_REFERRAL, type MyReferralResult } from './referrals.operations';
import styles from './referrals.module.css';

type Summary = MyReferralResult['myReferral'];

type Load =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'failed'; code: string }
  | { kind: 'ready'; summary: Summary };

function codeOf(failure: unknown): string {
  if (failure instanceof GraphqlRequestError) return failure.code;
  if (failure instanceof NetworkUnavailableError) return 'OFFLINE';
  return 'UNKNOWN';
}

/** Referrals: the person's invite code, a way to share it, and what it brought. */
export function ReferralsScreen() {
  const t = useTranslations('referrals');
  const isOffline = useSyncStatus().phase === 'offline';
  // Waits for the device's settings: by then this screen's sync runtime (its token) is running.
  const isReady = useLiveQuery(() => paceDatabase().settings.get('budget'), [], null) !== null;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!isReady) return;
    if (isOffline) {
      setLoad({ kind: 'offline' });
      return;
    }
    let stopped = false;
    apiRequest<MyReferralResult>(MY_REFERRAL).then(
      (data) => !stopped && setLoad({ kind: 'ready', summary: data.myReferral }),
      (failure: unknown) => !stopped && setLoad({ kind: 'failed', code: codeOf(failure) }),
    );
    return () => {
      stopped = true;
    };
  }, [isOffline, attempt, isReady]);

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      {load.kind === 'loading' ? (
        <p role="status" className={styles.muted}>
          {t('loading')}
        </p>
      ) : load.kind === 'offline' ? (
        <p className={styles.muted}>{t('offline')}</p>
      ) : load.kind === 'failed' ? (
        <div role="alert">
          <p className={styles.error}>{t('failed', { code: load.code })}</p>
          <button type="button" className={styles.link} onClick={() => setAttempt((n) => n + 1)}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('lead', { count: load.summary.referrerRewardDays })}</p>
          <InviteCode summary={load.summary} />
          <section className={styles.card} aria-labelledby="referral-stats">
            <h2 id="referral-stats" className={styles.cardTitle}>
              {t('statsTitle')}
            </h2>
            <dl className={styles.stats} data-testid="referral-stats">
              <div>
                <dt>{t('invited')}</dt>
                <dd data-testid="referral-invited">{load.summary.invitedCount}</dd>
              </div>
              <div>
                <dt>{t('completed')}</dt>
                <dd data-testid="referral-completed">{load.summary.completedCount}</dd>
              </div>
              <div>
                <dt>{t('rewarded')}</dt>
                <dd data-testid="referral-rewarded">{load.summary.rewardedCount}</dd>
              </div>
            </dl>
            <p data-testid="referral-days">
              {t('daysEarned', { count: load.summary.premiumDaysEarned })}
            </p>
            <p className={styles.muted}>{t('rules')}</p>
          </section>
        </>
      )}
    </div>
  );
}

/** The code, and its link shared through the system sheet when there is one, else copied. */
function InviteCode({ summary }: { summary: Summary }) {
  const t = useTranslations('referrals');
  const [outcome, setOutcome] = useState<'copied' | 'copyFailed' | null>(null);
  const [canShare, setCanShare] = useState(false);
  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(summary.shareUrl);
      setOutcome('copied');
    } catch {
      setOutcome('copyFailed');
    }
  }

  async function share() {
    try {
      await navigator.share({
        title: t('title'),
        text: t('shareText', { code: summary.code }),
        url: summary.shareUrl,
      });
    } catch (failure) {
      // Closing the share sheet is no failure; anything else falls back to the clipboard.
      if (!(failure instanceof DOMException && failure.name === 'AbortError')) await copy();
    }
  }

  return (
    <section className={styles.card} aria-labelledby="referral-code">
      <h2 id="referral-code" className={styles.cardTitle}>
        {t('codeTitle')}
      </h2>
      <p className={styles.code} data-testid="referral-code">
        {summary.code}
      </p>
      <input
        className={styles.input}
        readOnly
        value={summary.shareUrl}
        aria-label={t('codeTitle')}
        data-testid="referral-url"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className={styles.actions}>
        {canShare ? (
          <button type="button" className={styles.primary} onClick={() => void share()}>
            {t('share')}
          </button>
        ) : null}
        <button
          type="button"
          className={canShare ? styles.button : styles.primary}
          onClick={() => void copy()}
          data-testid="referral-copy"
        >
          {t('copy')}
        </button>
      </div>
      <p role="status" className={outcome === 'copyFailed' ? styles.error : styles.muted}>
        {outcome ? t(outcome) : null}
      </p>
    </section>
  );
}
