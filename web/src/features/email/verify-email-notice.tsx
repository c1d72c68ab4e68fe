'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { sessionTransport } from '@/features/auth';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { EMAIL_STATUS, RESEND_VERIFICATION, type EmailStatus } from './email.operations';
import styles from './email.module.css';

type Resend = 'idle' | 'sending' | 'sent' | 'rateLimited' | 'offline' | 'failed';

function resendFailureOf(failure: unknown): Resend {
  if (failure instanceof NetworkUnavailableError) return 'offline';
  if (failure instanceof GraphqlRequestError && failure.code === 'RATE_LIMITED')
    return 'rateLimited';
  return 'failed';
}

/**
 * For a person who has not opened the link of their verification mail yet: what it unlocks, and
 * a new link on request. Shows nothing once the address is verified (or while offline).
 */
export function VerifyEmailNotice() {
  const t = useTranslations('email.verify');
  const [email, setEmail] = useState<string | null>(null);
  const [resend, setResend] = useState<Resend>('idle');

  useEffect(() => {
    let isCurrent = true;
    sessionTransport()<EmailStatus>(EMAIL_STATUS).then(
      ({ me }) => isCurrent && setEmail(me.emailVerified ? null : me.email),
      // Offline or signed out: the notice waits for the next visit.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  if (email === null) return null;
  const send = async () => {
    setResend('sending');
    try {
      const { resendVerification } = await sessionTransport()<{
        resendVerification: { alreadyVerified: boolean };
      }>(RESEND_VERIFICATION);
      if (resendVerification.alreadyVerified) setEmail(null);
      else setResend('sent');
    } catch (failure) {
      setResend(resendFailureOf(failure));
    }
  };

  return (
    <section
      className={styles.notice}
      aria-labelledby="verify-email-title"
      data-testid="verify-email-notice"
    >
      <h2 id="verify-email-title" className={styles.cardTitle}>
        {t('noticeTitle')}
      </h2>
      <p>{t('noticeBody', { email })}</p>
      <button
        type="button"
        className={styles.secondary}
        disabled={resend === 'sending'}
        onClick={() => void send()}
      >
        {t('resend')}
      </button>
      {resend === 'sent' ? (
        <p role="status">{t('resent', { email })}</p>
      ) : resend === 'rateLimited' || resend === 'offline' || resend === 'failed' ? (
        <p role="alert" className={styles.error}>
          {t(`resendFailed.${resend}`)}
        </p>
      ) : null}
    </section>
  );
}
