'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import type {
  NotificationSettingsFieldsFragment,
  NotificationSettingsQuery,
  NotificationType,
  UpdateNotificationSettingsMutation,
} from '@/lib/graphql/generated';
import { GraphqlRequestError } from '@/lib/sync';
import { apiRequest } from '@/features/sync';
import { NOTIFICATION_SETTINGS, UPDATE_NOTIFICATION_SETTINGS } from './notifications.operations';
import { disablePush, enablePush, pushSupport, type PushSupport } from './push-registration';
import styles from './notifications.module.css';

type Settings = NotificationSettingsFieldsFragment;

const TYPE_LABELS: Record<NotificationType, string> = {
  BUDGET_LEVEL: 'typeBudgetLevel',
  PACE: 'typePace',
  LARGE_TRANSACTION: 'typeLarge',
  DEFICIT: 'typeDeficit',
  GOAL_MILESTONE: 'typeGoal',
  WIN: 'typeWin',
  MORNING: 'typeMorning',
  WEBHOOK_DISABLED: 'typeWebhookDisabled',
  BILL_DUE: 'typeBillDue',
};

/** Types, channels and quiet hours; push is switched on here, on the person's tap. */
export function NotificationSettingsSection() {
  const t = useTranslations('notifications');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [support, setSupport] = useState<PushSupport>('unsupported');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setSupport(pushSupport());
    // After the screen's sync runtime has started (parents' effects run after children's).
    const timer = setTimeout(() => {
      apiRequest<NotificationSettingsQuery>(NOTIFICATION_SETTINGS).then(
        (data) => setSettings(data.notificationSettings),
        () => setSettings(null),
      );
    }, 0);
    return () => clearTimeout(timer);
  }, []);

  if (!settings) return null;
  const canPush = Boolean(settings.pushPublicKey) && support === 'supported';
  const quiet = settings.quietHoursStart !== null && settings.quietHoursStart !== undefined;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings) return;
    const form = new FormData(event.currentTarget);
    // Where push cannot work the box is off and disabled: the stored choice is kept as it is.
    const wantsPush = canPush ? form.get('push') === 'on' : settings.pushEnabled;
    const quietOn = form.get('quiet') === 'on';
    const timeOf = (name: string, fallback: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value !== '' ? value : fallback;
    };
    setBusy(true);
    setMessage(null);
    try {
      if (canPush && wantsPush && settings.pushPublicKey) await enablePush(settings.pushPublicKey);
      if (canPush && !wantsPush) await disablePush();
      const data = await apiRequest<UpdateNotificationSettingsMutation>(
        UPDATE_NOTIFICATION_SETTINGS,
        {
          input: {
            types: settings.types.map((s) => ({
              type: s.type,
              enabled: form.get(s.type) === 'on',
            })),
            pushEnabled: wantsPush,
            emailEnabled: form.get('email') === 'on',
            quietHoursStart: quietOn ? timeOf('quietFrom', '22:00') : null,
            quietHoursEnd: quietOn ? timeOf('quietTo', '07:00') : null,
          },
        },
      );
      setSettings(data.saveNotificationSettings.notificationSettings);
      setMessage({ tone: 'ok', text: t('saved') });
    } catch (failure) {
      const code = failure instanceof GraphqlRequestError ? (failure.reason ?? failure.code) : '—';
      setMessage({ tone: 'error', text: t('saveFailed', { code }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title" className={styles.sectionTitle}>
        {t('settingsTitle')}
      </h2>
      <form className={styles.card} onSubmit={(e) => void save(e)}>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('typesTitle')}</legend>
          {settings.types.map((s) => (
            <label key={s.type} className={styles.check}>
              <input type="checkbox" name={s.type} defaultChecked={s.enabled} />
              {t(TYPE_LABELS[s.type])}
            </label>
          ))}
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('channelsTitle')}</legend>
          <p className={styles.muted}>{t('channelsHint')}</p>
          <label className={styles.check}>
            <input
              type="checkbox"
              name="push"
              defaultChecked={canPush && settings.pushEnabled}
              disabled={!canPush}
            />
            {t('push')}
          </label>
          {!settings.pushPublicKey ? (
            <p className={styles.muted}>{t('pushNotConfigured')}</p>
          ) : support === 'unsupported' ? (
            <p className={styles.muted}>{t('pushUnsupported')}</p>
          ) : support === 'denied' ? (
            <p className={styles.muted}>{t('pushDenied')}</p>
          ) : null}
          <label className={styles.check}>
            <input type="checkbox" name="email" defaultChecked={settings.emailEnabled} />
            {t('email')}
          </label>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('quietTitle')}</legend>
          <p className={styles.muted}>{t('quietHint', { name: settings.timeZone })}</p>
          <label className={styles.check}>
            <input type="checkbox" name="quiet" defaultChecked={quiet} />
            {t('quietEnabled')}
          </label>
          <div className={styles.row}>
            <label className={styles.field}>
              {t('quietFrom')}
              <input
                className={styles.input}
                type="time"
                name="quietFrom"
                defaultValue={settings.quietHoursStart ?? '22:00'}
              />
            </label>
            <label className={styles.field}>
              {t('quietTo')}
              <input
                className={styles.input}
                type="time"
                name="quietTo"
                defaultValue={settings.quietHoursEnd ?? '07:00'}
              />
            </label>
          </div>
        </fieldset>
        <button type="submit" className={styles.primary} disabled={busy}>
          {t('save')}
        </button>
        {message ? (
          <p className={message.tone === 'ok' ? styles.notice : styles.error} role="status">
            {message.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
