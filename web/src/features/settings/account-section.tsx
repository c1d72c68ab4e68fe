'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import {
  AUTH_ROUTES,
  SignOutButtons,
  endLocalSession,
  forgetDevice,
  sessionTransport,
} from '@/features/auth';
import { DELETE_ACCOUNT, EXPORT_DATA } from './settings.operations';
import { useAction } from './use-settings-data';
import styles from './settings.module.css';

const SESSIONS = `query Sessions { sessions { id signedInAt lastActiveAt current } }`;
const REVOKE_SESSION = `mutation RevokeSession($id: ID!) {
  signOutSession(id: $id) { endedSessionId } }`;
type SignedIn = { id: string; signedInAt: string; lastActiveAt: string; current: boolean };

/** Every device signed in to the account; any other one can be signed out from here. */
export function SessionsSection() {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const format = useFormatter();
  const action = useAction();
  const [sessions, setSessions] = useState<SignedIn[] | null>(null);

  const load = useCallback(async () => {
    const data = await sessionTransport()<{ sessions: SignedIn[] }>(SESSIONS);
    setSessions(data.sessions);
  }, []);
  const { run } = action;
  useEffect(() => {
    void run(load);
  }, [run, load]);

  return (
    <section className={styles.card} aria-labelledby="sessions-title">
      <h2 id="sessions-title" className={styles.cardTitle}>
        {t('sessions.title')}
      </h2>
      {sessions === null ? (
        <p className={styles.muted}>{action.error ? null : t('loading')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('sessions.title')}>
          {sessions.map((session) => (
            <li key={session.id} className={styles.item} data-testid="signed-in-session">
              <span>
                {session.current ? <strong>{t('sessions.thisDevice')} </strong> : null}
                <span className={styles.muted}>
                  {t('sessions.since', {
                    signedIn: format.dateTime(new Date(session.signedInAt), {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }),
                    active: format.relativeTime(new Date(session.lastActiveAt)),
                  })}
                </span>
              </span>
              {session.current ? null : (
                <button
                  type="button"
                  className={styles.secondary}
                  disabled={action.isBusy}
                  onClick={() =>
                    void action.run(async () => {
                      await sessionTransport()(REVOKE_SESSION, { id: session.id });
                      await load();
                    })
                  }
                >
                  {t('sessions.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <SignOutButtons />
      <p role="alert" className={styles.error}>
        {action.error ? tErrors(action.error) : null}
      </p>
    </section>
  );
}

/** Everything held about the person as a file; deleting the account and all of it. */
export function DataSection({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const id = useId();
  const action = useAction();

  async function exportData() {
    await action.run(async () => {
      const data = await sessionTransport()<{
        downloadMyData: { dataExport: { fileName: string; contentType: string; content: string } };
      }>(EXPORT_DATA);
      const { dataExport } = data.downloadMyData;
      const file = new Blob([dataExport.content], { type: dataExport.contentType });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = dataExport.fileName;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  }

  async function deleteAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get('password');
    if (!window.confirm(t('data.deleteConfirm'))) return;
    const ok = await action.run(async () => {
      await sessionTransport()(DELETE_ACCOUNT, {
        password: typeof password === 'string' && password ? password : null,
      });
    });
    if (!ok) return;
    await forgetDevice();
    endLocalSession();
    window.location.assign(AUTH_ROUTES.signIn);
  }

  return (
    <section className={styles.card} aria-labelledby="data-title">
      <h2 id="data-title" className={styles.cardTitle}>
        {t('data.title')}
      </h2>
      <p className={styles.muted}>{t('data.exportLead')}</p>
      <div className={styles.row}>
        <button
          type="button"
          className={styles.secondary}
          disabled={action.isBusy}
          onClick={() => void exportData()}
        >
          {t('data.export')}
        </button>
      </div>
      <form
        className={styles.row}
        aria-label={t('data.delete')}
        onSubmit={(event) => void deleteAccount(event)}
      >
        {hasPassword ? (
          <div className={styles.field}>
            <label htmlFor={`${id}-password`}>{t('data.password')}</label>
            <input
              id={`${id}-password`}
              className={styles.input}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
        ) : null}
        <button type="submit" className={styles.secondary} disabled={action.isBusy}>
          {t('data.delete')}
        </button>
      </form>
      <p className={styles.hint}>{t('data.deleteLead')}</p>
      <p role="alert" className={styles.error}>
        {action.error ? tErrors(action.error) : null}
      </p>
    </section>
  );
}
