'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { paceDatabase } from '@/lib/db';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import { VerifyEmailNotice } from '@/features/email';
import { ReferralLink } from '@/features/referrals';
import styles from './premium.module.css';

const PREMIUM = /* GraphQL */ `
  query PremiumStatus {
    myEntitlement {
      plan
      isPremium
      origin
      until
    }
    premiumPurchaseAvailable
  }
`;

const CHECKOUT = /* GraphQL */ `
  mutation StartPremiumCheckout {
    startPremiumCheckout {
      url
    }
  }
`;

interface Status {
  myEntitlement: { plan: string; isPremium: boolean; origin: string | null; until: string | null };
  premiumPurchaseAvailable: boolean;
}

type Load =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'failed'; code: string }
  | { kind: 'ready'; status: Status };

const FEATURES = ['clusters', 'advice', 'support'] as const;

function codeOf(failure: unknown): string {
  if (failure instanceof GraphqlRequestError) return failure.code;
  if (failure instanceof NetworkUnavailableError) return 'OFFLINE';
  return 'UNKNOWN';
}

/**
 * Premium: what it adds, the person's plan, and buying it through Stripe Checkout. The plan changes
 * when Stripe's signed event reaches the server, so the page says so after the return.
 */
export function PremiumScreen() {
  const t = useTranslations('settings.premium');
  const locale = useLocale();
  const isOffline = useSyncStatus().phase === 'offline';
  // Waits for the device's settings: by then this screen's sync runtime (its token) is running.
  const isReady = useLiveQuery(() => paceDatabase().settings.get('budget'), [], null) !== null;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [returned, setReturned] = useState<string | null>(null);

  // The return from Stripe is read in an effect: the page is prerendered without its query.
  useEffect(() => setReturned(new URLSearchParams(window.location.search).get('checkout')), []);

  useEffect(() => {
    if (!isReady) return;
    if (isOffline) {
      setLoad({ kind: 'offline' });
      return;
    }
    let stopped = false;
    apiRequest<Status>(PREMIUM).then(
      (status) => !stopped && setLoad({ kind: 'ready', status }),
      (failure: unknown) => !stopped && setLoad({ kind: 'failed', code: codeOf(failure) }),
    );
    return () => {
      stopped = true;
    };
  }, [isOffline, attempt, isReady]);

  const buy = useCallback(async () => {
    setStarting(true);
    setError(null);
    try {
      const { startPremiumCheckout } = await apiRequest<{ startPremiumCheckout: { url: string } }>(
        CHECKOUT,
      );
      window.location.assign(startPremiumCheckout.url);
    } catch (failure) {
      setError(codeOf(failure));
      setStarting(false);
    }
  }, []);

  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      {isReady ? <VerifyEmailNotice /> : null}
      {returned === 'done' ? (
        <p role="status" className={styles.notice} data-testid="premium-returned">
          {t('returned')}
        </p>
      ) : returned === 'cancelled' ? (
        <p role="status" className={styles.notice}>
          {t('cancelled')}
        </p>
      ) : null}
      <section className={styles.card} aria-labelledby="premium-what">
        <h2 id="premium-what" className={styles.cardTitle}>
          {t('whatTitle')}
        </h2>
        <ul className={styles.features}>
          {FEATURES.map((feature) => (
            <li key={feature}>{t(`features.${feature}`)}</li>
          ))}
        </ul>
      </section>
      <section className={styles.card} aria-labelledby="premium-plan" data-testid="premium-plan">
        <h2 id="premium-plan" className={styles.cardTitle}>
          {t('planTitle')}
        </h2>
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
        ) : load.status.myEntitlement.isPremium ? (
          <p>
            {load.status.myEntitlement.until
              ? t('premiumUntil', { date: date(load.status.myEntitlement.until) })
              : t('premiumOpen')}
          </p>
        ) : (
          <>
            <p>{t('standard')}</p>
            {load.status.premiumPurchaseAvailable ? (
              <button
                type="button"
                className={styles.primary}
                onClick={() => void buy()}
                disabled={starting}
                data-testid="premium-buy"
              >
                {starting ? t('starting') : t('buy')}
              </button>
            ) : (
              <p className={styles.muted} data-testid="premium-unavailable">
                {t('unavailable')}
              </p>
            )}
            {error ? (
              <p role="alert" className={styles.error}>
                {t('checkoutFailed', { code: error })}
              </p>
            ) : null}
          </>
        )}
      </section>
      <ReferralLink />
    </div>
  );
}
