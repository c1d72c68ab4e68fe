'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { sessionTransport } from '@/features/auth';
import {
  CREATE_TOKEN,
  FINISH_PASSKEY_REGISTRATION,
  GRANTABLE_SCOPES,
  REMOVE_PASSKEY,
  REVOKE_TOKEN,
  START_PASSKEY_REGISTRATION,
  type SettingsData,
} from './settings.operations';
import { useAction } from './use-settings-data';
import styles from './settings.module.css';

/** Passkeys of the account: add one from this device, remove any. */
export function PasskeysSection(props: {
  passkeys: SettingsData['passkeys'];
  onChanged: () => void;
}) {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const format = useFormatter();
  const action = useAction();

  async function add() {
    await action.run(async () => {
      const transport = sessionTransport();
      const {
        beginPasskeyRegistration: { challenge },
      } = await transport<{
        beginPasskeyRegistration: { challenge: { challengeId: string; optionsJson: string } };
      }>(START_PASSKEY_REGISTRATION);
      const response = await startRegistration({
        optionsJSON: JSON.parse(challenge.optionsJson) as Parameters<
          typeof startRegistration
        >[0]['optionsJSON'],
      });
      await transport(FINISH_PASSKEY_REGISTRATION, {
        challengeId: challenge.challengeId,
        name: t('passkeys.defaultName'),
        responseJson: JSON.stringify(response),
      });
      props.onChanged();
    });
  }

  return (
    <section className={styles.card} aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" className={styles.cardTitle}>
        {t('passkeys.title')}
      </h2>
      {props.passkeys.length === 0 ? (
        <p className={styles.muted}>{t('passkeys.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {props.passkeys.map((passkey) => (
            <li key={passkey.id} className={styles.item}>
              <span>
                {passkey.name}{' '}
                <span className={styles.muted}>
                  {t('added', {
                    date: format.dateTime(new Date(passkey.createdAt), { dateStyle: 'medium' }),
                  })}
                </span>
              </span>
              <button
                type="button"
                className={styles.secondary}
                disabled={action.isBusy}
                aria-label={t('passkeys.remove', { name: passkey.name })}
                onClick={() =>
                  void action.run(async () => {
                    await sessionTransport()(REMOVE_PASSKEY, { id: passkey.id });
                    props.onChanged();
                  })
                }
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <button
          type="button"
          className={styles.secondary}
          disabled={action.isBusy}
          onClick={() => void add()}
        >
          {t('passkeys.add')}
        </button>
      </div>
      <p role="alert" className={styles.error}>
        {action.error ? tErrors(action.error) : null}
      </p>
    </section>
  );
}

/** Personal access tokens for integrations: made with chosen scopes, shown once, revoked. */
export function TokensSection(props: {
  tokens: SettingsData['personalAccessTokens'];
  onChanged: () => void;
}) {
  const t = useTranslations('settings');
  const tErrors = useTranslations('auth.errors');
  const format = useFormatter();
  const id = useId();
  const action = useAction();
  const [created, setCreated] = useState<string | null>(null);
  const [isCopied, setCopied] = useState(false);
  const live = props.tokens.filter((token) => !token.revokedAt);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = form.get('name');
    const scopes = form.getAll('scope').filter((s): s is string => typeof s === 'string');
    const formElement = event.currentTarget;
    await action.run(async () => {
      const data = await sessionTransport()<{ issuePersonalAccessToken: { token: string } }>(
        CREATE_TOKEN,
        { input: { name: typeof name === 'string' ? name : '', scopes, expiresInDays: 90 } },
      );
      setCreated(data.issuePersonalAccessToken.token);
      setCopied(false);
      formElement.reset();
      props.onChanged();
    });
  }

  return (
    <section className={styles.card} aria-labelledby="tokens-title">
      <h2 id="tokens-title" className={styles.cardTitle}>
        {t('tokens.title')}
      </h2>
      <p className={styles.muted}>{t('tokens.lead')}</p>
      {created ? (
        <div role="status" className={styles.notice}>
          <p>{t('tokens.once')}</p>
          <p className={styles.secret} data-testid="new-token">
            {created}
          </p>
          <button
            type="button"
            className={styles.secondary}
            onClick={() => void navigator.clipboard.writeText(created).then(() => setCopied(true))}
          >
            {isCopied ? t('tokens.copied') : t('tokens.copy')}
          </button>
        </div>
      ) : null}
      <form
        className={styles.list}
        aria-label={t('tokens.create')}
        onSubmit={(event) => void create(event)}
      >
        <div className={styles.field}>
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input id={`${id}-name`} className={styles.input} name="name" required maxLength={100} />
        </div>
        <fieldset className={styles.choices}>
          <legend>{t('tokens.scopes')}</legend>
          {GRANTABLE_SCOPES.map((scope) => (
            <label key={scope} className={styles.choice}>
              <input type="checkbox" name="scope" value={scope} />
              <span>
                {t(`scopes.${scope.replace(':', '_')}`)} <code>{scope}</code>
              </span>
            </label>
          ))}
        </fieldset>
        <div className={styles.row}>
          <button type="submit" className={styles.primary} disabled={action.isBusy}>
            {t('tokens.create')}
          </button>
        </div>
      </form>
      {live.length === 0 ? (
        <p className={styles.muted}>{t('tokens.empty')}</p>
      ) : (
        <ul className={styles.list} aria-label={t('tokens.listLabel')}>
          {live.map((token) => (
            <li key={token.id} className={styles.item}>
              <span>
                {token.name} <code>{token.prefix}…</code>{' '}
                <span className={styles.muted}>
                  {token.scopes.join(', ')} ·{' '}
                  {t('expires', {
                    date: format.dateTime(new Date(token.expiresAt), { dateStyle: 'medium' }),
                  })}
                </span>
              </span>
              <button
                type="button"
                className={styles.secondary}
                disabled={action.isBusy}
                aria-label={t('tokens.revoke', { name: token.name })}
                onClick={() =>
                  void action.run(async () => {
                    await sessionTransport()(REVOKE_TOKEN, { id: token.id });
                    props.onChanged();
                  })
                }
              >
                {t('revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="alert" className={styles.error}>
        {action.error ? tErrors(action.error) : null}
      </p>
    </section>
  );
}
