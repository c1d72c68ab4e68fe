'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { AdminFeatureFlagsQuery } from '@/lib/graphql/generated';
import { AdminLoadView, AdminOutcome } from './admin-feedback';
import {
  DELETE_FEATURE_FLAG,
  FEATURE_FLAGS,
  SET_FEATURE_FLAG,
  SET_USER_FEATURE_FLAG,
} from './admin.operations';
import { adminRequest, useAdminAction, useAdminQuery } from './use-admin-request';
import styles from './admin.module.css';

type Flag = AdminFeatureFlagsQuery['featureFlags'][number];

/** Feature flags: on for everyone, for a share of people, or for one person. */
export function AdminFlagsSection() {
  const t = useTranslations('admin.flags');
  const [load, reload] = useAdminQuery<AdminFeatureFlagsQuery>(FEATURE_FLAGS);
  return (
    <div className={styles.stack}>
      <AdminLoadView load={load} onRetry={reload}>
        {(data) => (
          <>
            {data.featureFlags.length === 0 ? (
              <p className={styles.muted}>{t('none')}</p>
            ) : (
              <ul className={styles.list} aria-label={t('key')}>
                {data.featureFlags.map((flag) => (
                  <FlagForm key={flag.key} flag={flag} onChanged={reload} />
                ))}
              </ul>
            )}
            <FlagForm flag={null} onChanged={reload} />
            {data.featureFlags.length > 0 ? (
              <OverrideForm keys={data.featureFlags.map((f) => f.key)} />
            ) : null}
          </>
        )}
      </AdminLoadView>
    </div>
  );
}

/** One flag's settings, or a new flag when `flag` is null. */
function FlagForm({ flag, onChanged }: { flag: Flag | null; onChanged: () => void }) {
  const t = useTranslations('admin.flags');
  const ids = useId();
  const { isBusy, outcome, run } = useAdminAction();
  const [key, setKey] = useState(flag?.key ?? '');
  const [description, setDescription] = useState(flag?.description ?? '');
  const [enabled, setEnabled] = useState(flag?.enabled ?? false);
  const [rollout, setRollout] = useState(String(flag?.rolloutPercent ?? 0));
  const [isConfirming, setConfirming] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = { key: key.trim(), description, enabled, rolloutPercent: Number(rollout) };
    if (await run(() => adminRequest(SET_FEATURE_FLAG, { input }), t('saved'))) {
      if (!flag) setKey('');
      onChanged();
    }
  };
  const remove = async () => {
    if (await run(() => adminRequest(DELETE_FEATURE_FLAG, { key: flag?.key }), t('saved')))
      onChanged();
  };
  const Wrapper = flag ? 'li' : 'div';

  return (
    <Wrapper className={styles.card} data-testid={flag ? 'admin-flag' : 'admin-new-flag'}>
      <form
        className={styles.stack}
        onSubmit={(event) => void save(event)}
        aria-labelledby={`${ids}-title`}
      >
        <h3 id={`${ids}-title`} className={styles.cardTitle}>
          {flag ? <code>{flag.key}</code> : t('newFlag')}
        </h3>
        {flag ? (
          <p className={styles.muted}>
            {t('state', {
              enabled: flag.enabled ? t('yes') : t('no'),
              percent: flag.rolloutPercent,
            })}
          </p>
        ) : (
          <label className={styles.field}>
            {t('key')}
            <input
              className={styles.input}
              value={key}
              onChange={(event) => setKey(event.target.value)}
              required
              maxLength={64}
              pattern="[a-z][a-z0-9]*([._\-][a-z0-9]+)*"
              autoComplete="off"
              spellCheck={false}
            />
            <span className={styles.hint}>{t('keyHint')}</span>
          </label>
        )}
        <label className={styles.field}>
          {t('description')}
          <input
            className={styles.input}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={500}
          />
        </label>
        <label className={styles.checkField}>
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />
          {t('enabled')}
        </label>
        <label className={styles.field}>
          {t('rollout')}
          <input
            className={styles.input}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={rollout}
            onChange={(event) => setRollout(event.target.value)}
            required
          />
          <span className={styles.hint}>{t('rolloutHint')}</span>
        </label>
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={isBusy}>
            {flag ? t('save') : t('create')}
          </button>
          {flag && !isConfirming ? (
            <button
              type="button"
              className={styles.dangerOutline}
              disabled={isBusy}
              onClick={() => setConfirming(true)}
            >
              {t('delete')}
            </button>
          ) : null}
        </div>
      </form>
      {flag && isConfirming ? (
        <div className={styles.confirm} role="group" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>{t('confirmDelete', { name: flag.key })}</p>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.danger}
              disabled={isBusy}
              onClick={() => void remove()}
            >
              {t('confirm')}
            </button>
            <button type="button" className={styles.secondary} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <AdminOutcome outcome={outcome} />
    </Wrapper>
  );
}

const OVERRIDES = { overrideOn: true, overrideOff: false, overrideRemove: null } as const;

/** Turns a flag on or off for one person whatever the flag says, or removes that override. */
function OverrideForm({ keys }: { keys: string[] }) {
  const t = useTranslations('admin.flags');
  const ids = useId();
  const { isBusy, outcome, run } = useAdminAction();
  const [key, setKey] = useState(keys[0] ?? '');
  const [userId, setUserId] = useState('');
  const [state, setState] = useState<keyof typeof OVERRIDES>('overrideOn');

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    const input = { key, userId: userId.trim(), enabled: OVERRIDES[state] };
    await run(() => adminRequest(SET_USER_FEATURE_FLAG, { input }), t('saved'));
  };

  return (
    <form
      className={styles.card}
      onSubmit={(event) => void apply(event)}
      aria-labelledby={`${ids}-title`}
    >
      <h3 id={`${ids}-title`} className={styles.cardTitle}>
        {t('override')}
      </h3>
      <label className={styles.field}>
        {t('overrideFlag')}
        <select className={styles.select} value={key} onChange={(e) => setKey(e.target.value)}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        {t('userId')}
        <input
          className={styles.input}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          required
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <fieldset className={styles.fieldset}>
        <legend>{t('overrideState')}</legend>
        {Object.keys(OVERRIDES).map((option) => (
          <label key={option} className={styles.checkField}>
            <input
              type="radio"
              name={`${ids}-state`}
              value={option}
              checked={state === option}
              onChange={() => setState(option as keyof typeof OVERRIDES)}
            />
            {t(option as keyof typeof OVERRIDES)}
          </label>
        ))}
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className={styles.primary} disabled={isBusy}>
          {t('apply')}
        </button>
      </div>
      <AdminOutcome outcome={outcome} />
    </form>
  );
}
