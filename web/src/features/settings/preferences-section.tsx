'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { sessionTransport } from '@/features/auth';
import { LanguageSwitch } from '@/features/i18n';
import { chooseTheme, useThemeChoice, type ThemeChoice } from '@/lib/theme/theme';
import {
  REGENERATE_PLAN,
  UPDATE_PROFILE,
  UPDATE_ROLLOVER,
  type SettingsData,
} from './settings.operations';
import { useAction } from './use-settings-data';
import styles from './settings.module.css';

/** Language and theme: kept on this device (the language also on the account, for its mails). */
export function AppearanceSection() {
  const t = useTranslations('settings');
  const theme = useThemeChoice();
  return (
    <section className={styles.card} aria-labelledby="appearance-title">
      <h2 id="appearance-title" className={styles.cardTitle}>
        {t('appearance.title')}
      </h2>
      <LanguageSwitch
        className={styles.field}
        selectClassName={styles.input}
        onChange={(locale) => {
          // The account's language too (its mails); offline, the device's choice is enough.
          void sessionTransport()(UPDATE_PROFILE, { input: { locale } }).catch(() => undefined);
        }}
      />
      <fieldset className={styles.choices}>
        <legend>{t('appearance.theme')}</legend>
        {(['system', 'light', 'dark'] as const).map((choice: ThemeChoice) => (
          <label key={choice} className={styles.choice}>
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={theme === choice}
              onChange={() => chooseTheme(choice)}
            />
            {t(`appearance.themes.${choice}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** Name, currency and time zone of the account. */
export function ProfileSection({ me, onSaved }: { me: SettingsData['me']; onSaved: () => void }) {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const id = useId();
  const action = useAction();
  const [isSaved, setSaved] = useState(false);
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes(me.timeZone)) zones.unshift(me.timeZone);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = form.get(key);
      return typeof value === 'string' ? value : '';
    };
    setSaved(false);
    const ok = await action.run(async () => {
      await sessionTransport()(UPDATE_PROFILE, {
        input: {
          name: text('name'),
          homeCurrency: text('currency').trim().toUpperCase(),
          timeZone: text('timeZone'),
        },
      });
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  }

  return (
    <section className={styles.card} aria-labelledby="profile-title">
      <h2 id="profile-title" className={styles.cardTitle}>
        {t('profile.title')}
      </h2>
      <p className={styles.muted}>{t('profile.email', { email: me.email })}</p>
      <form
        className={styles.row}
        aria-label={t('profile.title')}
        onSubmit={(event) => void save(event)}
      >
        <div className={styles.field}>
          <label htmlFor={`${id}-name`}>{t('profile.name')}</label>
          <input
            id={`${id}-name`}
            className={styles.input}
            name="name"
            defaultValue={me.name}
            autoComplete="name"
            required
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-currency`}>{t('profile.currency')}</label>
          <input
            id={`${id}-currency`}
            className={styles.input}
            name="currency"
            defaultValue={me.currency}
            pattern="[A-Za-z]{3}"
            maxLength={3}
            aria-describedby={`${id}-currency-hint`}
            required
          />
          <span id={`${id}-currency-hint`} className={styles.hint}>
            {t('profile.currencyHint')}
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-zone`}>{t('profile.timeZone')}</label>
          <select
            id={`${id}-zone`}
            className={styles.input}
            name="timeZone"
            defaultValue={me.timeZone}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={styles.primary} disabled={action.isBusy}>
          {t('save')}
        </button>
      </form>
      <p role="status" className={styles.muted}>
        {isSaved ? t('saved') : null}
      </p>
      <p role="alert" className={styles.error}>
        {action.error ? tErrors(action.error) : null}
      </p>
    </section>
  );
}

/** Where a day's underspend goes, and making this month's plan again. */
export function PlanSection({ settings }: { settings: SettingsData['budgetSettings'] }) {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const action = useAction();
  const [rollover, setRollover] = useState(settings?.rollover ?? 'NEXT_DAY');
  const [version, setVersion] = useState(settings?.version ?? null);
  const [outcome, setOutcome] = useState<'saved' | 'regenerated' | null>(null);
  if (!settings) return null;

  async function changeRollover(next: typeof rollover) {
    const previous = rollover;
    setRollover(next); // at once; put back if the server refuses
    setOutcome(null);
    const ok = await action.run(async () => {
      const data = await sessionTransport()<{
        updatePlanSettings: { settings: { rollover: typeof rollover; version: number } };
      }>(UPDATE_ROLLOVER, { input: { rollover: next, baseVersion: version } });
      setRollover(data.updatePlanSettings.settings.rollover);
      setVersion(data.updatePlanSettings.settings.version);
      setOutcome('saved');
    });
    if (!ok) setRollover(previous);
  }

  async function regenerate() {
    if (!window.confirm(t('plan.regenerateConfirm'))) return;
    setOutcome(null);
    const ok = await action.run(async () => {
      await sessionTransport()(REGENERATE_PLAN);
    });
    if (ok) setOutcome('regenerated');
  }

  return (
    <section className={styles.card} aria-labelledby="plan-title">
      <h2 id="plan-title" className={styles.cardTitle}>
        {t('plan.title')}
      </h2>
      <fieldset className={styles.choices} disabled={action.isBusy}>
        <legend>{t('plan.rollover')}</legend>
        {(['NEXT_DAY', 'SPREAD', 'SAVINGS'] as const).map((choice) => (
          <label key={choice} className={styles.choice}>
            <input
              type="radio"
              name="rollover"
              value={choice}
              checked={rollover === choice}
              onChange={() => void changeRollover(choice)}
            />
            {t(`plan.rollovers.${choice}`)}
          </label>
        ))}
      </fieldset>
      <p className={styles.hint}>{t('plan.regenerateHint')}</p>
      <div className={styles.row}>
        <button
          type="button"
          className={styles.secondary}
          disabled={action.isBusy}
          onClick={() => void regenerate()}
        >
          {t('plan.regenerate')}
        </button>
      </div>
      <p role="status" className={styles.muted}>
        {outcome ? t(`plan.${outcome}`) : null}
      </p>
      <p role="alert" className={styles.error}>
        {action.error ? tErrors(action.error) : null}
      </p>
    </section>
  );
}
