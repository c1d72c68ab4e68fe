'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { AuthField, AuthForm } from './auth-form';
import { RESET_PASSWORD } from './auth.operations';
import { AUTH_ROUTES } from './routes';
import { anonymousTransport } from './session-runtime';
import styles from './auth.module.css';

/** The reset link's token, from the fragment (never sent to a server or kept in logs). */
function tokenOfLocation(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

/** Sets a new password from the link in the reset mail. */
export function ResetPasswordScreen() {
  const t = useTranslations('auth');
  // undefined until the address is read after mount; null when it carries no token.
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [isDone, setDone] = useState(false);

  useEffect(() => {
    setToken(tokenOfLocation());
    // The token leaves the address bar (and the history) once read.
    window.history.replaceState(null, '', window.location.pathname);
  }, []);

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('reset.title')}</h1>
      {token === undefined ? null : isDone ? (
        <p role="status" className={styles.notice}>
          {t('reset.done')} <Link href={AUTH_ROUTES.signIn}>{t('reset.toSignIn')}</Link>
        </p>
      ) : token === null ? (
        <p role="alert" className={styles.notice}>
          {t('errors.resetTokenInvalid')}{' '}
          <Link href={AUTH_ROUTES.signIn}>{t('reset.toSignIn')}</Link>
        </p>
      ) : (
        <section className={styles.card} aria-labelledby="reset-title">
          <h2 id="reset-title" className={styles.cardTitle}>
            {t('reset.formTitle')}
          </h2>
          <AuthForm
            label={t('reset.formTitle')}
            submit={t('reset.submit')}
            onSubmit={async ({ password = '' }) => {
              await anonymousTransport()(RESET_PASSWORD, { token, newPassword: password });
              setDone(true);
            }}
          >
            <AuthField
              label={t('fields.newPassword')}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              hint={t('fields.passwordHint')}
            />
          </AuthForm>
        </section>
      )}
    </div>
  );
}
