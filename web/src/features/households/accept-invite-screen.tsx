'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { markOnboarded, sessionTransport, useSession } from '@/features/auth';
import { syncNow } from '@/features/sync';
import { ACCEPT_HOUSEHOLD_INVITE, type AcceptResult } from './household.operations';
import { acceptFailureOf, type AcceptFailure } from './household-errors';
import styles from './household.module.css';

type Outcome = { kind: 'joining' } | { kind: 'joined' } | { kind: 'failed'; why: AcceptFailure };

/** Opens an invitation link while signed in: joins the household and says so. */
export function AcceptInviteScreen() {
  const t = useTranslations('household.accept');
  const status = useSession();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'joining' });
  const userId = status.kind === 'signed-in' ? status.session.user.id : null;
  const isSignedOut = status.kind === 'signed-out';

  useEffect(() => {
    if (isSignedOut) {
      setOutcome({ kind: 'failed', why: 'signedOut' });
      return;
    }
    if (!userId) return;
    const token = new URLSearchParams(window.location.search).get('token');
    // The token leaves the address bar (and the history) once read.
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setOutcome({ kind: 'failed', why: 'missing' });
      return;
    }
    sessionTransport()<AcceptResult>(ACCEPT_HOUSEHOLD_INVITE, { input: { token } }).then(
      () => {
        // The shared plan is this person's budget now: no onboarding of their own is needed.
        markOnboarded(userId);
        syncNow();
        setOutcome({ kind: 'joined' });
      },
      (failure: unknown) => setOutcome({ kind: 'failed', why: acceptFailureOf(failure) }),
    );
  }, [userId, isSignedOut]);

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      {outcome.kind === 'joining' ? (
        <p role="status">{t('joining')}</p>
      ) : outcome.kind === 'joined' ? (
        <div role="status" className={styles.notice} data-testid="household-accept-outcome">
          <p>{t('joined')}</p>
          <p className={styles.actions}>
            <Link href="/" className={styles.link}>
              {t('toToday')}
            </Link>
            <Link href="/household/" className={styles.link}>
              {t('toHousehold')}
            </Link>
          </p>
        </div>
      ) : (
        <div role="alert" className={styles.notice} data-testid="household-accept-outcome">
          <p>{t(`failed.${outcome.why}`)}</p>
        </div>
      )}
    </div>
  );
}
