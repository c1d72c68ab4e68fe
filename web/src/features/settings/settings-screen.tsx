'use client';

import { useTranslations } from 'next-intl';
import { AdminLink } from '@/features/admin';
import { PremiumLink } from '@/features/premium';
import { ReferralLink } from '@/features/referrals';
import { HouseholdEntry } from '@/features/households';
import { TagsEntry } from '@/features/tags';
import { EmailPreferencesSection, VerifyEmailNotice } from '@/features/email';
import { AppearanceSection, PlanSection, ProfileSection } from './preferences-section';
import { PasskeysSection, TokensSection } from './access-section';
import { WebhooksSection } from './webhooks-section';
import { ExchangeRatesSection } from '@/features/currency';
import { DataSection, SessionsSection } from './account-section';
import { useSettingsData } from './use-settings-data';
import styles from './settings.module.css';

/** The account, the device's preferences, access for devices and integrations, and the data. */
export function SettingsScreen() {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const [state, reload] = useSettingsData();

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <VerifyEmailNotice />
      <AppearanceSection />
      {state.kind === 'loading' ? (
        <p role="status" className={styles.muted}>
          {t('loading')}
        </p>
      ) : state.kind === 'error' ? (
        <>
          <div role="alert" className={styles.notice}>
            <p>{state.error === 'offline' ? t('offline') : tErrors(state.error)}</p>
            <button type="button" className={styles.secondary} onClick={reload}>
              {t('retry')}
            </button>
          </div>
          {/* Offline, the rates this person entered are listed from the device's mirror. */}
          {state.error === 'offline' ? <ExchangeRatesSection /> : null}
        </>
      ) : (
        <>
          <ProfileSection me={state.data.me} onSaved={reload} />
          <PlanSection settings={state.data.budgetSettings} />
          <ExchangeRatesSection />
          <PremiumLink />
          <HouseholdEntry />
          <ReferralLink />
          <EmailPreferencesSection />
          <SessionsSection />
          <PasskeysSection passkeys={state.data.passkeys} onChanged={reload} />
          <TokensSection tokens={state.data.personalAccessTokens} onChanged={reload} />
          <WebhooksSection />
          <DataSection hasPassword={state.data.me.hasPassword} />
          <AdminLink />
        </>
      )}
      {/* Tags are managed on the device, so the way in shows offline too. */}
      <TagsEntry />
    </div>
  );
}
