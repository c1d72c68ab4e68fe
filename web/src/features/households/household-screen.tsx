'use client';

import { localDateOf, monthOf } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { paceDatabase } from '@/lib/db';
import { formatMoney } from '@/lib/format/money';
import { useSession } from '@/features/auth';
import { apiRequest, syncNow, useSyncStatus } from '@/features/sync';
import {
  CHANGE_HOUSEHOLD_MEMBER_ROLE,
  HOUSEHOLD,
  INVITE_TO_HOUSEHOLD,
  LEAVE_HOUSEHOLD,
  REMOVE_HOUSEHOLD_MEMBER,
  REVOKE_HOUSEHOLD_INVITE,
  type HouseholdData,
  type HouseholdResult,
} from './household.operations';
import { householdErrorKey, type HouseholdErrorKey } from './household-errors';
import { ConfirmButton } from './confirm-button';
import styles from './household.module.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'failed' }
  | { kind: 'ready'; household: HouseholdData | null };

/** The Household page: members with their roles, invitations, spending by member, leaving. */
export function HouseholdScreen() {
  const t = useTranslations('household.page');
  const isOffline = useSyncStatus().phase === 'offline';
  const settings = useLiveQuery(() => paceDatabase().settings.get('budget'), [], null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<HouseholdErrorKey | null>(null);
  const timeZone = settings?.timeZone ?? 'UTC';

  useEffect(() => {
    // Waits for the device's settings: by then this screen's sync runtime (its token) is running.
    if (!settings) return;
    if (isOffline) {
      setLoad({ kind: 'offline' });
      return;
    }
    let stopped = false;
    const month = monthOf(localDateOf(new Date(), timeZone));
    apiRequest<HouseholdResult>(HOUSEHOLD, { month }).then(
      (data) => !stopped && setLoad({ kind: 'ready', household: data.household ?? null }),
      () => !stopped && setLoad({ kind: 'failed' }),
    );
    return () => {
      stopped = true;
    };
  }, [settings, isOffline, attempt, timeZone]);

  /** Runs a change, then reloads the household and syncs (roles and the budget may have moved). */
  async function change(run: () => Promise<unknown>, done?: string) {
    setError(null);
    setMessage(null);
    try {
      await run();
      if (done) setMessage(done);
      setAttempt((n) => n + 1);
      syncNow();
    } catch (failure) {
      setError(householdErrorKey(failure));
    }
  }

  const household = load.kind === 'ready' ? load.household : null;
  const isOwner = household?.viewerRole === 'OWNER';
  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.muted}>{t('intro')}</p>
      {message ? (
        <p role="status" className={styles.notice} data-testid="household-message">
          {message}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className={styles.error} data-testid="household-error">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      {load.kind === 'loading' ? (
        <p role="status" className={styles.muted}>
          {t('loading')}
        </p>
      ) : load.kind === 'offline' ? (
        <HouseholdOffline />
      ) : load.kind === 'failed' ? (
        <p role="alert" className={styles.error}>
          {t('failed')}
        </p>
      ) : (
        <>
          {household ? (
            <Members household={household} change={change} />
          ) : (
            <p data-testid="household-none">{t('none')}</p>
          )}
          {household?.spending.length ? (
            <Spending household={household} currency={settings?.currency ?? 'USD'} />
          ) : null}
          {!household || isOwner ? <InviteForm change={change} /> : null}
          {isOwner && household ? <PendingInvites household={household} change={change} /> : null}
          {household ? (
            <section className={styles.card} aria-label={t('leave')}>
              {isOwner && household.members.length > 1 ? (
                <p className={styles.muted}>{t('ownerLeaveHint')}</p>
              ) : (
                <ConfirmButton
                  label={t('leave')}
                  question={t('leaveConfirm')}
                  onConfirm={() => change(() => apiRequest(LEAVE_HOUSEHOLD), t('left'))}
                />
              )}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

type Change = (run: () => Promise<unknown>, done?: string) => Promise<void>;

/** Offline: the household as last synced (members and roles come with the device's sync). */
function HouseholdOffline() {
  const t = useTranslations('household.page');
  const stored = useLiveQuery(() => paceDatabase().households.toCollection().first(), []);
  return (
    <section className={styles.card} aria-label={t('members')}>
      <p className={styles.muted}>{t('offline')}</p>
      {stored ? (
        <ul className={styles.list}>
          {stored.members.map((m) => (
            <li key={m.userId}>
              {m.name} · {t(`role.${m.role}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('none')}</p>
      )}
    </section>
  );
}

function Members({ household, change }: { household: HouseholdData; change: Change }) {
  const t = useTranslations('household.page');
  const id = useId();
  const isOwner = household.viewerRole === 'OWNER';
  const session = useSession();
  const me = session.kind === 'signed-in' ? session.session.user.id : null;
  return (
    <section className={styles.card} aria-labelledby={`${id}-members`}>
      <h2 id={`${id}-members`} className={styles.cardTitle}>
        {t('members')}
      </h2>
      <ul className={styles.list} data-testid="household-members">
        {household.members.map((m) => {
          return (
            <li key={m.userId} className={styles.member} data-testid="household-member">
              <span className={styles.memberName}>
                <strong>{m.userId === me ? t('you', { name: m.name }) : m.name}</strong>
                <span className={styles.muted}>
                  {m.email} · {t(`role.${m.role}`)}
                </span>
                <span className={styles.muted}>{t(`roleHelp.${m.role}`)}</span>
              </span>
              {isOwner && m.role !== 'OWNER' ? (
                <span className={styles.actions}>
                  <label className={styles.field}>
                    <span>{t('changeRole', { name: m.name })}</span>
                    <select
                      className={styles.input}
                      value={m.role}
                      onChange={(event) =>
                        void change(() =>
                          apiRequest(CHANGE_HOUSEHOLD_MEMBER_ROLE, {
                            input: { userId: m.userId, role: event.target.value },
                          }),
                        )
                      }
                    >
                      <option value="MEMBER">{t('role.MEMBER')}</option>
                      <option value="VIEWER">{t('role.VIEWER')}</option>
                    </select>
                  </label>
                  <ConfirmButton
                    label={t('remove', { name: m.name })}
                    question={t('removeConfirm', { name: m.name })}
                    onConfirm={() =>
                      change(() => apiRequest(REMOVE_HOUSEHOLD_MEMBER, { userId: m.userId }))
                    }
                  />
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Spending({ household, currency }: { household: HouseholdData; currency: string }) {
  const t = useTranslations('household.page');
  const locale = useLocale();
  const id = useId();
  return (
    <section className={styles.card} aria-labelledby={`${id}-spending`}>
      <h2 id={`${id}-spending`} className={styles.cardTitle}>
        {t('spending')}
      </h2>
      <ul className={styles.list} data-testid="household-spending">
        {household.spending.map((s) => (
          <li key={`${s.userId}-${s.spent?.currency ?? ''}`}>
            {t('spendingBy', {
              name: s.name,
              amount: s.spent ? formatSpent(s.spent, locale) : formatMoney(0, currency, locale),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatSpent(spent: { amount: string; currency: string }, locale: string): string {
  const [whole = '0', fraction = ''] = spent.amount.split('.');
  const minor = Number(`${whole}${fraction}`);
  return formatMoney(minor, spent.currency, locale);
}

function InviteForm({ change }: { change: Change }) {
  const t = useTranslations('household.page.invite');
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('MEMBER');

  function submit(event: FormEvent) {
    event.preventDefault();
    const to = email.trim();
    void change(
      () => apiRequest(INVITE_TO_HOUSEHOLD, { input: { email: to, role } }),
      t('sent', { email: to }),
    ).then(() => setEmail(''));
  }

  return (
    <section className={styles.card} aria-labelledby={`${id}-invite`}>
      <h2 id={`${id}-invite`} className={styles.cardTitle}>
        {t('title')}
      </h2>
      <form className={styles.form} onSubmit={submit}>
        <div className={styles.field}>
          <label htmlFor={`${id}-email`}>{t('email')}</label>
          <input
            id={`${id}-email`}
            className={styles.input}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-role`}>{t('role')}</label>
          <select
            id={`${id}-role`}
            className={styles.input}
            value={role}
            onChange={(event) => setRole(event.target.value)}
          >
            <option value="MEMBER">{t('roleMember')}</option>
            <option value="VIEWER">{t('roleViewer')}</option>
          </select>
        </div>
        <button type="submit" className={styles.primary}>
          {t('submit')}
        </button>
      </form>
    </section>
  );
}

function PendingInvites({ household, change }: { household: HouseholdData; change: Change }) {
  const t = useTranslations('household.page');
  const locale = useLocale();
  const id = useId();
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (
    <section className={styles.card} aria-labelledby={`${id}-pending`}>
      <h2 id={`${id}-pending`} className={styles.cardTitle}>
        {t('invite.pending')}
      </h2>
      {household.invites.length === 0 ? (
        <p className={styles.muted}>{t('invite.nonePending')}</p>
      ) : (
        <ul className={styles.list} data-testid="household-invites">
          {household.invites.map((invite) => (
            <li key={invite.id} className={styles.member}>
              <span className={styles.memberName}>
                {t('invite.expires', {
                  email: invite.email,
                  role: t(`role.${invite.role}`),
                  date: dates.format(new Date(invite.expiresAt)),
                })}
              </span>
              <button
                type="button"
                className={styles.button}
                onClick={() =>
                  void change(() => apiRequest(REVOKE_HOUSEHOLD_INVITE, { id: invite.id }))
                }
              >
                {t('invite.revoke', { email: invite.email })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
