'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { AdminUsersQuery } from '@/lib/graphql/generated';
import { AdminLoadView, AdminOutcome } from './admin-feedback';
import {
  ADMIN_USERS,
  DELETE_USER,
  GRANT_PREMIUM,
  LOCK_USER,
  REVOKE_PREMIUM,
  REVOKE_USER_SESSIONS,
  UNLOCK_USER,
} from './admin.operations';
import { adminRequest, useAdminAction, useAdminQuery } from './use-admin-request';
import { useAdminFormat } from './use-admin-format';
import { useViewerId } from './use-is-admin';
import styles from './admin.module.css';

type Page = AdminUsersQuery['adminUsers'];
type Person = Page['edges'][number]['node'];

const PAGE_SIZE = 20;

/** Which page of the e-mail order to read: the first, the one after a cursor, or the one before. */
type PageRequest = { after: string | null } | { before: string };

function pageVariables(request: PageRequest) {
  return 'before' in request
    ? { last: PAGE_SIZE, before: request.before }
    : { first: PAGE_SIZE, after: request.after };
}
const HOUR_MS = 3_600_000;
const LOCKS = { lockHour: 1, lockDay: 24, lockWeek: 7 * 24, lockMonth: 30 * 24 } as const;
const PREMIUM = { premiumNoEnd: null, premiumMonth: 30, premiumYear: 365 } as const;

/** People: find them by e-mail or id, then lock, sign out, make premium or delete. */
export function AdminUsersSection() {
  const t = useTranslations('admin.users');
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [pageRequest, setPageRequest] = useState<PageRequest>({ after: null });
  const [load, reload] = useAdminQuery<AdminUsersQuery>(ADMIN_USERS, {
    search: search || null,
    ...pageVariables(pageRequest),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPageRequest({ after: null });
    setSearch(draft.trim());
    reload();
  };

  return (
    <div className={styles.stack}>
      <form className={styles.searchForm} role="search" onSubmit={submit}>
        <label className={styles.field} htmlFor={inputId}>
          {t('search')}
          <input
            id={inputId}
            className={styles.input}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${inputId}-hint`}
          />
          <span id={`${inputId}-hint`} className={styles.hint}>
            {t('searchHint')}
          </span>
        </label>
        <button type="submit" className={styles.primary}>
          {t('find')}
        </button>
      </form>
      <AdminLoadView load={load} onRetry={reload}>
        {(data) => (
          <>
            {data.adminUsers.edges.length === 0 ? (
              <p className={styles.muted}>{t('none')}</p>
            ) : (
              <ul className={styles.list} aria-label={t('search')}>
                {data.adminUsers.edges.map(({ node }) => (
                  <PersonCard key={node.id} person={node} onChanged={reload} />
                ))}
              </ul>
            )}
            <UsersPager page={data.adminUsers.pageInfo} onPage={setPageRequest} />
          </>
        )}
      </AdminLoadView>
    </div>
  );
}

/** Previous and next page of the e-mail order; each replaces the list shown. */
function UsersPager({
  page,
  onPage,
}: {
  page: Page['pageInfo'];
  onPage: (request: PageRequest) => void;
}) {
  const t = useTranslations('admin.users');
  const { startCursor, endCursor } = page;
  const hasPrevious = page.hasPreviousPage && startCursor != null;
  const hasNext = page.hasNextPage && endCursor != null;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className={styles.actions} aria-label={t('pages')}>
      {hasPrevious ? (
        <button
          type="button"
          className={styles.secondary}
          onClick={() => onPage({ before: startCursor })}
        >
          {t('previousPage')}
        </button>
      ) : null}
      {hasNext ? (
        <button
          type="button"
          className={styles.secondary}
          onClick={() => onPage({ after: endCursor })}
        >
          {t('nextPage')}
        </button>
      ) : null}
    </nav>
  );
}

function PersonCard({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const t = useTranslations('admin.users');
  const format = useAdminFormat();
  const { isBusy, outcome, run } = useAdminAction();
  const [lockFor, setLockFor] = useState<keyof typeof LOCKS>('lockDay');
  const [premiumFor, setPremiumFor] = useState<keyof typeof PREMIUM>('premiumNoEnd');
  const [isConfirming, setConfirming] = useState(false);
  const ids = useId();
  const act = (work: () => Promise<unknown>, done: string) => {
    void run(work, done).then((isDone) => isDone && onChanged());
  };
  const userId = person.id;
  const email = person.email;
  // The server refuses an admin's lock or deletion of their own account: not offered.
  const isSelf = useViewerId() === userId;

  const lock = () =>
    act(
      () =>
        adminRequest(LOCK_USER, {
          userId,
          until: new Date(Date.now() + LOCKS[lockFor] * HOUR_MS).toISOString(),
        }),
      t('done.locked', { email }),
    );
  const grant = () => {
    const days = PREMIUM[premiumFor];
    const until = days === null ? null : new Date(Date.now() + days * 24 * HOUR_MS).toISOString();
    act(
      () => adminRequest(GRANT_PREMIUM, { input: { userId, until } }),
      t('done.granted', { email }),
    );
  };

  return (
    <li className={styles.card} data-testid="admin-user" aria-labelledby={`${ids}-email`}>
      <div className={styles.rowHead}>
        <h3 id={`${ids}-email`} className={styles.cardTitle}>
          {email}
        </h3>
        <span className={styles.badges}>
          {person.isAdmin ? <span className={styles.badge}>{t('admin')}</span> : null}
          {person.isPremium ? (
            <span className={styles.badge}>
              {person.premiumUntil
                ? t('premiumUntil', { date: format.date(person.premiumUntil) })
                : t('premium')}
            </span>
          ) : null}
          {person.lockedUntil ? (
            <span className={styles.badgeWarning}>
              {t('lockedUntil', { date: format.date(person.lockedUntil) })}
            </span>
          ) : null}
        </span>
      </div>
      <p className={styles.muted}>
        {person.name} · {t('since', { date: format.date(person.createdAt) })}
        {person.signInDelayedUntil
          ? ` · ${t('delayedUntil', { date: format.date(person.signInDelayedUntil) })}`
          : ''}
      </p>
      <p className={styles.mono}>
        <span className={styles.hint}>{t('id')}: </span>
        {userId}
      </p>
      <div className={styles.actions}>
        {isSelf ? null : (
          <>
            <label className={styles.inlineField}>
              {t('lockFor')}
              <select
                className={styles.select}
                value={lockFor}
                onChange={(event) => setLockFor(event.target.value as keyof typeof LOCKS)}
              >
                {Object.keys(LOCKS).map((key) => (
                  <option key={key} value={key}>
                    {t(key as keyof typeof LOCKS)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={styles.secondary} disabled={isBusy} onClick={lock}>
              {t('lock')}
            </button>
          </>
        )}
        {person.lockedUntil || person.signInDelayedUntil ? (
          <button
            type="button"
            className={styles.secondary}
            disabled={isBusy}
            onClick={() =>
              act(() => adminRequest(UNLOCK_USER, { userId }), t('done.unlocked', { email }))
            }
          >
            {t('unlock')}
          </button>
        ) : null}
        <button
          type="button"
          className={styles.secondary}
          disabled={isBusy}
          onClick={() =>
            act(() => adminRequest(REVOKE_USER_SESSIONS, { userId }), t('done.revoked', { email }))
          }
        >
          {t('revokeSessions')}
        </button>
      </div>
      <div className={styles.actions}>
        <label className={styles.inlineField}>
          {t('premiumFor')}
          <select
            className={styles.select}
            value={premiumFor}
            onChange={(event) => setPremiumFor(event.target.value as keyof typeof PREMIUM)}
          >
            {Object.keys(PREMIUM).map((key) => (
              <option key={key} value={key}>
                {t(key as keyof typeof PREMIUM)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={styles.secondary} disabled={isBusy} onClick={grant}>
          {t('grantPremium')}
        </button>
        {person.isPremium ? (
          <button
            type="button"
            className={styles.secondary}
            disabled={isBusy}
            onClick={() =>
              act(
                () => adminRequest(REVOKE_PREMIUM, { userId }),
                t('done.premiumRevoked', { email }),
              )
            }
          >
            {t('revokePremium')}
          </button>
        ) : null}
      </div>
      {isSelf ? null : isConfirming ? (
        <div className={styles.confirm} role="group" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>{t('confirmDelete', { email })}</p>
          <div className={styles.actions}>
            <button
              type="button"
              className={styles.danger}
              disabled={isBusy}
              onClick={() => act(() => adminRequest(DELETE_USER, { userId }), t('done.deleted'))}
            >
              {t('confirm')}
            </button>
            <button type="button" className={styles.secondary} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.dangerOutline}
            disabled={isBusy}
            onClick={() => setConfirming(true)}
          >
            {t('delete')}
          </button>
        </div>
      )}
      <AdminOutcome outcome={outcome} />
    </li>
  );
}
