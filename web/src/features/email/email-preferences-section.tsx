'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { sessionTransport } from '@/features/auth';
import {
  EMAIL_PREFERENCES,
  UPDATE_EMAIL_PREFERENCES,
  type EmailPreferencesData,
} from './email.operations';
import styles from './email.module.css';

const SWITCHES = ['notifications', 'productNews'] as const;

/** Which mails the person receives; security mails are always sent, and the section says so. */
export function EmailPreferencesSection() {
  const t = useTranslations('email.preferences');
  const [preferences, setPreferences] = useState<EmailPreferencesData | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  useEffect(() => {
    let isCurrent = true;
    sessionTransport()<{ emailPreferences: EmailPreferencesData }>(EMAIL_PREFERENCES).then(
      (data) => isCurrent && setPreferences(data.emailPreferences),
      () => isCurrent && setStatus('failed'),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  const change = async (name: (typeof SWITCHES)[number], on: boolean) => {
    const before = preferences;
    // The box shows the person's choice at once; it goes back if the server refuses it.
    if (before) setPreferences({ ...before, [name]: on });
    setStatus('saving');
    try {
      const data = await sessionTransport()<{
        updateEmailPreferences: { emailPreferences: EmailPreferencesData };
      }>(UPDATE_EMAIL_PREFERENCES, { input: { [name]: on } });
      setPreferences(data.updateEmailPreferences.emailPreferences);
      setStatus('saved');
    } catch {
      setPreferences(before);
      setStatus('failed');
    }
  };

  return (
    <section className={styles.card} aria-labelledby="email-preferences-title">
      <h2 id="email-preferences-title" className={styles.cardTitle}>
        {t('title')}
      </h2>
      {preferences === null ? null : (
        <fieldset className={styles.choices} disabled={status === 'saving'}>
          <legend className={styles.hint}>{t('legend')}</legend>
          {SWITCHES.map((name) => (
            <label key={name} className={styles.choice}>
              <input
                type="checkbox"
                checked={preferences[name]}
                onChange={(event) => void change(name, event.target.checked)}
              />
              <span>
                {t(`${name}.label`)}
                <br />
                <span className={styles.hint}>{t(`${name}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <p className={styles.hint}>{t('security')}</p>
      {status === 'saved' ? (
        <p role="status">{t('saved')}</p>
      ) : status === 'failed' ? (
        <p role="alert" className={styles.error}>
          {t('failed')}
        </p>
      ) : null}
    </section>
  );
}
