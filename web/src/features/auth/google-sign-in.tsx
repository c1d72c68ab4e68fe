'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { authErrorKeyOf, type AuthErrorKey } from './auth-errors';
import type { SessionPayload } from './auth.operations';
import { anonymousTransport, startSession } from './session-runtime';
import { detectedProfile } from './sign-up-screen';
import styles from './auth.module.css';

const GOOGLE_SIGN_IN = `mutation GoogleSignIn($input: GoogleSignInInput!) {
  signInWithGoogle(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt
    user { id email name locale } } }`;

/** The part of Google Identity Services this screen uses. */
interface GoogleAccounts {
  id: {
    initialize: (options: {
      client_id: string;
      callback: (r: { credential: string }) => void;
    }) => void;
    renderButton: (element: HTMLElement, options: Record<string, string>) => void;
  };
}

/**
 * "Continue with Google", only where the server has a Google client id: Google's own button
 * (their script, loaded on demand) hands over an ID token that the API verifies.
 */
export function GoogleSignIn({ clientId }: { clientId: string }) {
  const t = useTranslations('auth');
  const locale = useLocale();
  const slot = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<AuthErrorKey | null>(null);

  useEffect(() => {
    const script = document.createElement('script');
    script.src = 'https://accounts.google.com/gsi/client';
    script.async = true;
    script.onload = () => {
      const google = (window as unknown as { google?: { accounts: GoogleAccounts } }).google;
      if (!google || !slot.current) return;
      google.accounts.id.initialize({
        client_id: clientId,
        callback: ({ credential }) => {
          const input = {
            idToken: credential,
            locale,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            ...detectedProfile(navigator.language),
          };
          anonymousTransport()<{ signInWithGoogle: SessionPayload }>(GOOGLE_SIGN_IN, { input })
            .then((data) => startSession(data.signInWithGoogle))
            .catch((failure: unknown) => setError(authErrorKeyOf(failure)));
        },
      });
      google.accounts.id.renderButton(slot.current, { theme: 'outline', size: 'large', locale });
    };
    script.onerror = () => setError('offline');
    document.head.append(script);
    return () => script.remove();
  }, [clientId, locale]);

  return (
    <section className={styles.card} aria-labelledby="google-title">
      <h2 id="google-title" className={styles.cardTitle}>
        {t('google.title')}
      </h2>
      <div ref={slot} />
      <p role="alert" className={styles.error}>
        {error ? t(`errors.${error}`) : null}
      </p>
    </section>
  );
}
