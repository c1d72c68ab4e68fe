'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { LanguageSwitch } from '@/features/i18n';
import { useOnlineStatus } from '@/lib/network/use-online-status';
import { AuthField, AuthForm } from './auth-form';
import { GoogleSignIn } from './google-sign-in';
import { authErrorKeyOf, type AuthErrorKey } from './auth-errors';
import { deviceProofFor, keepDeviceProof } from './device-proof';
import {
  FINISH_PASSKEY,
  LOGIN,
  REQUEST_RESET,
  START_PASSKEY,
  type SessionPayload,
} from './auth.operations';
import { AUTH_ROUTES } from './routes';
import { anonymousTransport, startSession, useSession } from './session-runtime';
import styles from './auth.module.css';

/** Sign in with a password or a passkey; a forgotten password asks for a reset link. */
export function SignInScreen() {
  const t = useTranslations('auth');
  const status = useSession();
  const isOffline = useOnlineStatus() === 'offline';
  const [isForgotOpen, setForgotOpen] = useState(false);
  const options = useSignInOptions();

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('signIn.title')}</h1>
      <p className={styles.muted}>{t('signIn.lead')}</p>
      {status.kind === 'signed-out' && status.reason === 'ended' ? (
        <p role="status" className={styles.notice}>
          {t('signIn.ended')}
        </p>
      ) : null}
      {isOffline ? (
        <p role="status" className={styles.notice}>
          {t('offlineNotice')}
        </p>
      ) : null}

      <section className={styles.card} aria-labelledby="password-title">
        <h2 id="password-title" className={styles.cardTitle}>
          {t('signIn.withPassword')}
        </h2>
        <AuthForm
          label={t('signIn.withPassword')}
          submit={t('signIn.submit')}
          onSubmit={async ({ email = '', password = '' }) => {
            const data = await anonymousTransport()<{ login: SessionPayload }>(LOGIN, {
              email,
              password,
              deviceToken: deviceProofFor(email),
            });
            keepDeviceProof(email, data.login.deviceToken);
            await startSession(data.login);
          }}
        >
          <AuthField label={t('fields.email')} name="email" type="email" autoComplete="email" />
          <AuthField
            label={t('fields.password')}
            name="password"
            type="password"
            autoComplete="current-password"
          />
        </AuthForm>
        <button
          type="button"
          className={styles.link}
          aria-expanded={isForgotOpen}
          onClick={() => setForgotOpen((open) => !open)}
        >
          {t('forgot.open')}
        </button>
        {isForgotOpen ? <ForgotPassword /> : null}
      </section>

      {options?.passkeys === false ? null : <PasskeySignIn />}
      {options?.googleClientId ? <GoogleSignIn clientId={options.googleClientId} /> : null}

      <p className={styles.row}>
        {t('signIn.noAccount')} <Link href={AUTH_ROUTES.signUp}>{t('signIn.toSignUp')}</Link>
      </p>
      <LanguageSwitch className={styles.field} selectClassName={styles.input} />
    </div>
  );
}

function ForgotPassword() {
  const t = useTranslations('auth');
  const [isSent, setSent] = useState(false);
  if (isSent)
    return (
      <p role="status" className={styles.notice}>
        {t('forgot.sent')}
      </p>
    );
  return (
    <AuthForm
      label={t('forgot.title')}
      submit={t('forgot.submit')}
      onSubmit={async ({ email = '' }) => {
        await anonymousTransport()(REQUEST_RESET, { email });
        setSent(true);
      }}
    >
      <AuthField
        label={t('fields.email')}
        name="email"
        type="email"
        autoComplete="email"
        hint={t('forgot.hint')}
      />
    </AuthForm>
  );
}

function PasskeySignIn() {
  const t = useTranslations('auth');
  const [error, setError] = useState<AuthErrorKey | null>(null);
  const [isBusy, setBusy] = useState(false);
  if (typeof window !== 'undefined' && !('PublicKeyCredential' in window)) return null;

  async function signIn() {
    setBusy(true);
    setError(null);
    try {
      const transport = anonymousTransport();
      const {
        beginPasskeySignIn: { challenge },
      } = await transport<{
        beginPasskeySignIn: { challenge: { challengeId: string; optionsJson: string } };
      }>(START_PASSKEY);
      const response = await startAuthentication({
        optionsJSON: JSON.parse(challenge.optionsJson) as Parameters<
          typeof startAuthentication
        >[0]['optionsJSON'],
      });
      const data = await transport<{ finishPasskeySignIn: SessionPayload }>(FINISH_PASSKEY, {
        challengeId: challenge.challengeId,
        responseJson: JSON.stringify(response),
      });
      await startSession(data.finishPasskeySignIn);
    } catch (failure) {
      setError(authErrorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.card} aria-labelledby="passkey-title">
      <h2 id="passkey-title" className={styles.cardTitle}>
        {t('passkey.title')}
      </h2>
      <p className={styles.muted}>{t('passkey.lead')}</p>
      <p role="alert" className={styles.error}>
        {error ? t(`errors.${error}`) : null}
      </p>
      <button
        type="button"
        className={styles.secondary}
        disabled={isBusy}
        onClick={() => void signIn()}
      >
        {t('passkey.submit')}
      </button>
    </section>
  );
}

const SIGN_IN_OPTIONS = `query SignInOptions { signInOptions { googleClientId passkeys } }`;
type SignInOptions = { googleClientId: string | null; passkeys: boolean };

/** What this server offers besides passwords (null until known, or offline). */
function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    anonymousTransport()<{ signInOptions: SignInOptions }>(SIGN_IN_OPTIONS).then(
      (data) => setOptions(data.signInOptions),
      () => undefined, // offline: the password form is enough
    );
  }, []);
  return options;
}
