'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { anonymousTransport } from '@/features/auth';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { VERIFY_EMAIL } from './email.operations';
import styles from './email.module.css';

type Outcome =
  | { kind: 'verifying' }
  | { kind: 'verified'; email: string }
  | { kind: 'failed'; why: 'used' | 'expired' | 'invalid' | 'missing' | 'offline' | 'unknown' };

function whyOf(failure: unknown): Extract<Outcome, { kind: 'failed' }>['why'] {
  if (failure instanceof NetworkUnavailableError) return 'offline';
  if (!(failure instanceof GraphqlRequestError)) return 'unknown';
  const byReason: Record<string, Extract<Outcome, { kind: 'failed' }>['why']> = {
    VERIFICATION_TOKEN_USED: 'used',
    VERIFICATION_TOKEN_EXPIRED: 'expired',
    VERIFICATION_TOKEN_INVALID: 'invalid',
  };
  return byReason[failure.reason ?? ''] ?? 'unknown';
}

/** Opens the link of a verification mail: verifies the address (signed in or not) and says so. */
export function VerifyEmailScreen() {
  const t = useTranslations('email.verify');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'verifying' });

  useEffect(() => {
    const token = new URLSearchParams(window.location.search).get('token');
    // The token leaves the address bar (and the history) once read.
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setOutcome({ kind: 'failed', why: 'missing' });
      return;
    }
    anonymousTransport()<{ verifyEmail: { email: string } }>(VERIFY_EMAIL, { token }).then(
      ({ verifyEmail }) => setOutcome({ kind: 'verified', email: verifyEmail.email }),
      (failure: unknown) => setOutcome({ kind: 'failed', why: whyOf(failure) }),
    );
  }, []);

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      {outcome.kind === 'verifying' ? (
        <p role="status">{t('verifying')}</p>
      ) : outcome.kind === 'verified' ? (
        <p role="status" className={styles.notice} data-testid="verify-email-outcome">
          {t('verified', { email: outcome.email })} <Link href="/">{t('toApp')}</Link>
        </p>
      ) : (
        <div role="alert" className={styles.notice} data-testid="verify-email-outcome">
          <p>{t(`failed.${outcome.why}`)}</p>
          <p>
            <Link href="/settings/">{t('toSettings')}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
