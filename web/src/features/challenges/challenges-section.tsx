'use client';

import { parseDecimal } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import { readAllPages } from '@/lib/graphql/all-pages';
import type { ChallengesQuery, MyChallengesQuery } from '@/lib/graphql/generated';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import { StatusPill, type StatusTone } from '@/ui/status-pill';
import {
  CHALLENGES,
  JOIN_CHALLENGE,
  LEAVE_CHALLENGE,
  MY_CHALLENGES,
} from './challenges.operations';
import styles from './challenges.module.css';

type Entry = ChallengesQuery['challenges'][number];
type Attempt = MyChallengesQuery['myChallengesConnection']['edges'][number]['node'];
type Data = { challenges: Entry[]; myChallenges: Attempt[] };
type Load =
  { phase: 'loading' } | { phase: 'failed'; code: string } | { phase: 'ready'; data: Data };

/** Finished attempts shown under the running ones. */
const FINISHED_SHOWN = 5;
const TONES: Record<Attempt['status'], StatusTone> = {
  ACTIVE: 'ok',
  COMPLETED: 'ok',
  FAILED: 'bad',
};

function codeOf(failure: unknown): string {
  if (failure instanceof NetworkUnavailableError) return 'offline';
  return failure instanceof GraphqlRequestError ? (failure.reason ?? failure.code) : '—';
}

/**
 * Challenges: the catalogue with Join, the person's running attempts with their progress and the
 * finished ones. Progress is computed by the server from the ledger, so this reads and writes
 * online only and says so when offline.
 */
export function ChallengesSection() {
  const t = useTranslations('challenges');
  const online = useSyncStatus().phase !== 'offline';
  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [{ challenges }, myChallenges] = await Promise.all([
        apiRequest<ChallengesQuery>(CHALLENGES),
        readAllPages(
          async (after) =>
            (await apiRequest<MyChallengesQuery>(MY_CHALLENGES, { after })).myChallengesConnection,
        ),
      ]);
      setLoad({ phase: 'ready', data: { challenges, myChallenges } });
    } catch (failure) {
      setLoad({ phase: 'failed', code: codeOf(failure) });
    }
  }, []);

  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);

  async function act(challengeId: string, mutation: string) {
    setBusy(challengeId);
    setActionError(null);
    try {
      await apiRequest(mutation, { challengeId });
      await refresh();
    } catch (failure) {
      const code = codeOf(failure);
      setActionError(code === 'offline' ? t('offline') : t('actionFailed', { code }));
    } finally {
      setBusy(null);
    }
  }

  let body;
  if (!online) body = <p className={styles.notice}>{t('offline')}</p>;
  else if (load.phase === 'loading') body = <p className={styles.muted}>{t('loading')}</p>;
  else if (load.phase === 'failed')
    body = (
      <div className={styles.row}>
        <p className={styles.error}>
          {load.code === 'offline' ? t('offline') : t('failed', { code: load.code })}
        </p>
        <button type="button" className={styles.secondary} onClick={() => void refresh()}>
          {t('retry')}
        </button>
      </div>
    );
  else {
    const { challenges, myChallenges } = load.data;
    const running = myChallenges.filter((a) => a.status === 'ACTIVE');
    const finished = myChallenges.filter((a) => a.status !== 'ACTIVE').slice(0, FINISHED_SHOWN);
    const joinable = challenges.filter((c) => !c.current);
    body = (
      <>
        <h3 className={styles.subTitle}>{t('activeTitle')}</h3>
        {running.length === 0 ? (
          <p className={styles.muted}>{t('noneActive')}</p>
        ) : (
          <ul className={styles.list}>
            {running.map((attempt) => (
              <AttemptCard
                key={attempt.id}
                attempt={attempt}
                isBusy={busy === attempt.challengeId}
                onLeave={() => void act(attempt.challengeId, LEAVE_CHALLENGE)}
              />
            ))}
          </ul>
        )}
        <h3 className={styles.subTitle}>{t('catalogueTitle')}</h3>
        <ul className={styles.list}>
          {joinable.map((entry) => (
            <CatalogueCard
              key={entry.id}
              entry={entry}
              isBusy={busy === entry.id}
              onJoin={() => void act(entry.id, JOIN_CHALLENGE)}
            />
          ))}
        </ul>
        {finished.length > 0 ? (
          <>
            <h3 className={styles.subTitle}>{t('finishedTitle')}</h3>
            <ul className={styles.list}>
              {finished.map((attempt) => (
                <AttemptCard key={attempt.id} attempt={attempt} />
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }

  return (
    <section
      className={styles.section}
      aria-labelledby="challenges-title"
      aria-busy={online && load.phase === 'loading'}
      data-testid="challenges"
    >
      <h2 id="challenges-title" className={styles.sectionTitle}>
        {t('title')}
      </h2>
      <p className={styles.muted}>{t('intro')}</p>
      <p role="alert" className={styles.error}>
        {actionError ?? ''}
      </p>
      {body}
    </section>
  );
}

/** The person's title of a challenge: translated by id, else the server's English one. */
function useChallengeName(): (id: string, fallback: string) => string {
  const t = useTranslations('challenges.catalogue');
  return (id, fallback) => (t.has(`${id}.title`) ? t(`${id}.title`) : fallback);
}

function CatalogueCard({
  entry,
  isBusy,
  onJoin,
}: {
  entry: Entry;
  isBusy: boolean;
  onJoin: () => void;
}) {
  const t = useTranslations('challenges');
  const tc = useTranslations('challenges.catalogue');
  const locale = useLocale();
  const name = useChallengeName()(entry.id, entry.title);
  const reasonId = `challenge-${entry.id}-reason`;
  return (
    <li className={styles.card} data-testid="challenge-entry" data-challenge={entry.id}>
      <h4 className={styles.cardTitle}>{name}</h4>
      {tc.has(`${entry.id}.text`) ? <p className={styles.muted}>{tc(`${entry.id}.text`)}</p> : null}
      {entry.cap ? (
        <p>
          {t('cap', {
            cap: formatMoney(
              parseDecimal(entry.cap.amount, entry.cap.currency),
              entry.cap.currency,
              locale,
            ),
          })}
        </p>
      ) : null}
      {entry.completedCount > 0 ? (
        <p className={styles.muted}>{t('completedCount', { count: entry.completedCount })}</p>
      ) : null}
      {entry.unavailableReason ? (
        <p id={reasonId} className={styles.muted}>
          {t(`unavailable.${entry.unavailableReason}`)}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.primary}
          disabled={!entry.isAvailable || isBusy}
          aria-describedby={entry.unavailableReason ? reasonId : undefined}
          aria-label={t('joinNamed', { name })}
          onClick={onJoin}
        >
          {t('join')}
        </button>
      </div>
    </li>
  );
}

function AttemptCard({
  attempt,
  isBusy = false,
  onLeave,
}: {
  attempt: Attempt;
  isBusy?: boolean;
  onLeave?: () => void;
}) {
  const t = useTranslations('challenges');
  const locale = useLocale();
  const name = useChallengeName()(attempt.challengeId, attempt.title);
  const date = (day: string) => formatLocalDate(day, locale, { day: 'numeric', month: 'long' });
  const money = (amount: string) =>
    formatMoney(parseDecimal(amount, attempt.used.currency), attempt.used.currency, locale);
  const hasStarted = attempt.startsOn <= attempt.today;
  return (
    <li
      className={styles.card}
      data-testid="challenge-attempt"
      data-challenge={attempt.challengeId}
    >
      <div className={styles.head}>
        <h4 className={styles.cardTitle}>{name}</h4>
        <StatusPill tone={TONES[attempt.status]}>
          <span data-testid="challenge-status">{t(`status.${attempt.status}`)}</span>
        </StatusPill>
      </div>
      {attempt.status === 'ACTIVE' && !hasStarted ? (
        <p>{t('startsOn', { date: date(attempt.startsOn) })}</p>
      ) : (
        <>
          <p data-testid="challenge-days">
            {t('daysKept', { kept: attempt.daysKept, total: attempt.daysTotal })}
          </p>
          <progress
            className={styles.meter}
            max={attempt.daysTotal}
            value={attempt.daysKept}
            aria-label={t('daysKept', { kept: attempt.daysKept, total: attempt.daysTotal })}
          />
        </>
      )}
      {attempt.cap ? (
        <p data-testid="challenge-used">
          {t('used', { used: money(attempt.used.amount), cap: money(attempt.cap.amount) })}
        </p>
      ) : null}
      {attempt.failedOn ? (
        <p className={styles.muted}>{t('failedOn', { date: date(attempt.failedOn) })}</p>
      ) : attempt.status === 'COMPLETED' ? (
        <p className={styles.muted}>{t('finishedOn', { date: date(attempt.endsOn) })}</p>
      ) : (
        <p className={styles.muted}>{t('endsOn', { date: date(attempt.endsOn) })}</p>
      )}
      {onLeave ? (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.secondary}
            disabled={isBusy}
            aria-label={t('leaveNamed', { name })}
            onClick={onLeave}
          >
            {t('leave')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
