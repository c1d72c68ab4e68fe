'use client';

import { addMonths, localDateOf, monthOf } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { paceDatabase } from '@/lib/db';
import type {
  MoodSpendingQuery,
  PeerComparisonQuery,
  SpendingInsightsQuery,
} from '@/lib/graphql/generated';
import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';
import { apiRequest, useSyncStatus } from '@/features/sync/sync-runtime';
import { ClustersCard } from './insights-clusters';
import { HealthCard } from './insights-health';
import { MoodCard, type MoodSpending } from './insights-mood';
import { PeersCard } from './insights-peers';
import { AnomaliesCard, BreakdownCard, DriftCard, PaceCard, TrendsCard } from './insights-sections';
import { MOOD_SPENDING, PEER_COMPARISON, SPENDING_INSIGHTS } from './insights.operations';
import { useInsightFormat } from './use-insight-format';
import styles from './insights.module.css';

export type Insights = SpendingInsightsQuery['spendingInsights'];
export type Peers = PeerComparisonQuery['peerComparison'];

/** Months the screen lets the person step back through (the server allows 24). */
const MONTHS_BACK = 12;

type Load =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'no-plan' }
  | { kind: 'failed'; code: string }
  | { kind: 'ready'; insights: Insights; peers: Peers | null; mood: MoodSpending | null };

/**
 * Insights: the month's spending explained (health score, breakdown, pace, trends, unusual days,
 * drift, peers). The server computes them from the ledger, so the screen needs a connection and
 * says so offline.
 */
export function InsightsScreen() {
  const t = useTranslations('insights');
  const settings = useLiveQuery(() => paceDatabase().settings.get('budget'), [], null);
  const isOffline = useSyncStatus().phase === 'offline';
  const zone = settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [current, setCurrent] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // The current month is read in an effect: a prerendered value would stay after hydration.
  useEffect(() => setCurrent(monthOf(localDateOf(new Date(), zone))), [zone]);

  // Waits for the device's settings: by then this screen's sync runtime (its token) is running.
  const isReady = settings !== null;
  useEffect(() => {
    if (!isReady) return;
    if (isOffline) {
      setLoad({ kind: 'offline' });
      return;
    }
    let stopped = false;
    setLoad({ kind: 'loading' });
    const variables = month ? { month } : {};
    Promise.all([
      apiRequest<SpendingInsightsQuery>(SPENDING_INSIGHTS, variables),
      apiRequest<PeerComparisonQuery>(PEER_COMPARISON, variables).catch(() => null),
      apiRequest<MoodSpendingQuery>(MOOD_SPENDING).catch(() => null),
    ]).then(
      ([insights, peers, mood]) =>
        !stopped &&
        setLoad({
          kind: 'ready',
          insights: insights.spendingInsights,
          peers: peers?.peerComparison ?? null,
          mood: mood?.moodSpendingCorrelation ?? null,
        }),
      (failure: unknown) => !stopped && setLoad(failedLoad(failure)),
    );
    return () => {
      stopped = true;
    };
  }, [month, isOffline, attempt, isReady]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const shown = load.kind === 'ready' ? load.insights.month : (month ?? current);

  return (
    <div className={styles.stack}>
      <h1 className={styles.title}>{t('title')}</h1>
      <p className={styles.muted}>{t('intro')}</p>
      {shown && current ? (
        <MonthSwitcher month={shown} current={current} onChange={setMonth} />
      ) : null}
      {load.kind === 'loading' ? (
        <p role="status" aria-busy="true" className={styles.muted}>
          {t('loading')}
        </p>
      ) : load.kind === 'offline' ? (
        <p role="status" className={styles.notice} data-testid="insights-offline">
          {t('offline')}
        </p>
      ) : load.kind === 'no-plan' ? (
        <p className={styles.notice}>{t('noPlan')}</p>
      ) : load.kind === 'failed' ? (
        <div role="alert" className={styles.notice}>
          <p>{t('failed', { code: load.code })}</p>
          <button type="button" className={styles.secondary} onClick={retry}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <InsightsBody insights={load.insights} peers={load.peers} mood={load.mood} />
      )}
    </div>
  );
}

function failedLoad(failure: unknown): Load {
  if (failure instanceof NetworkUnavailableError) return { kind: 'offline' };
  if (failure instanceof GraphqlRequestError && failure.reason === 'ONBOARDING_REQUIRED')
    return { kind: 'no-plan' };
  return {
    kind: 'failed',
    code: failure instanceof GraphqlRequestError ? (failure.reason ?? failure.code) : '—',
  };
}

function MonthSwitcher(props: {
  month: string;
  current: string;
  onChange: (month: string) => void;
}) {
  const t = useTranslations('insights');
  const format = useInsightFormat(null);
  const earliest = addMonths(props.current, -MONTHS_BACK);
  return (
    <nav className={styles.monthSwitcher} aria-label={t('monthNav')}>
      <button
        type="button"
        className={styles.secondary}
        onClick={() => props.onChange(addMonths(props.month, -1))}
        disabled={props.month <= earliest}
      >
        <span aria-hidden="true">‹ </span>
        {t('previousMonth')}
      </button>
      <p className={styles.monthName} aria-live="polite">
        {format.month(props.month)}
      </p>
      <button
        type="button"
        className={styles.secondary}
        onClick={() => props.onChange(addMonths(props.month, 1))}
        disabled={props.month >= props.current}
      >
        {t('nextMonth')}
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}

function InsightsBody({
  insights,
  peers,
  mood,
}: {
  insights: Insights;
  peers: Peers | null;
  mood: MoodSpending | null;
}) {
  const t = useTranslations('insights');
  const isEmpty = insights.breakdown.length === 0;
  return (
    <>
      {isEmpty ? (
        <p className={styles.notice} data-testid="insights-empty">
          {t('empty')}
        </p>
      ) : null}
      {insights.health ? <HealthCard health={insights.health} /> : null}
      <BreakdownCard insights={insights} />
      {insights.pace ? <PaceCard insights={insights} /> : null}
      {isEmpty ? null : (
        <>
          <TrendsCard insights={insights} />
          <AnomaliesCard insights={insights} />
          <DriftCard insights={insights} />
        </>
      )}
      {mood ? <MoodCard mood={mood} /> : null}
      <ClustersCard />
      {peers ? <PeersCard peers={peers} currency={insights.total.currency} /> : null}
    </>
  );
}
