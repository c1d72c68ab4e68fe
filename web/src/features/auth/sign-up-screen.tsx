'use client';

import { REGIONAL_PROFILES } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { LanguageSwitch } from '@/features/i18n';
import { deviceId, ReferralCodeField } from '@/features/referrals';
import { useOnlineStatus } from '@/lib/network/use-online-status';
import { AuthField, AuthForm } from './auth-form';
import { REGISTER, type SessionPayload } from './auth.operations';
import { keepDeviceProof } from './device-proof';
import { AUTH_ROUTES } from './routes';
import { anonymousTransport, startSession } from './session-runtime';
import styles from './auth.module.css';

/**
 * Where the browser says the person is, for the account's first settings; onboarding asks for
 * currency, time zone and region again, with these as the answers already filled in.
 */
export function detectedProfile(language: string): { country: string; currency: string } {
  let country = 'US';
  try {
    country = new Intl.Locale(language).maximize().region ?? 'US';
  } catch {
    // an unusual language tag: the default region
  }
  const profile = REGIONAL_PROFILES.find((p) => p.id === country);
  return { country, currency: profile?.currency ?? 'USD' };
}

/** Creates an account (name, e-mail, password), then onboarding makes the plan. */
export function SignUpScreen() {
  const t = useTranslations('auth');
  const locale = useLocale();
  const isOffline = useOnlineStatus() === 'offline';

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('signUp.title')}</h1>
      <p className={styles.muted}>{t('signUp.lead')}</p>
      {isOffline ? (
        <p role="status" className={styles.notice}>
          {t('offlineNotice')}
        </p>
      ) : null}
      <section className={styles.card} aria-labelledby="sign-up-title">
        <h2 id="sign-up-title" className={styles.cardTitle}>
          {t('signUp.formTitle')}
        </h2>
        <AuthForm
          label={t('signUp.formTitle')}
          submit={t('signUp.submit')}
          onSubmit={async ({ name = '', email = '', password = '', referralCode = '' }) => {
            const { country, currency } = detectedProfile(navigator.language);
            const data = await anonymousTransport()<{ register: SessionPayload }>(REGISTER, {
              input: {
                name,
                email,
                password,
                locale,
                timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
                country,
                homeCurrency: currency,
                ...(referralCode.trim() ? { referralCode: referralCode.trim() } : {}),
                deviceId: deviceId(),
              },
            });
            keepDeviceProof(email, data.register.deviceToken);
            await startSession(data.register);
          }}
        >
          <AuthField label={t('fields.name')} name="name" autoComplete="name" />
          <AuthField label={t('fields.email')} name="email" type="email" autoComplete="email" />
          <AuthField
            label={t('fields.newPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            hint={t('fields.passwordHint')}
          />
          <ReferralCodeField />
        </AuthForm>
      </section>
      <p className={styles.row}>
        {t('signUp.haveAccount')} <Link href={AUTH_ROUTES.signIn}>{t('signUp.toSignIn')}</Link>
      </p>
      <LanguageSwitch className={styles.field} selectClassName={styles.input} />
    </div>
  );
}
