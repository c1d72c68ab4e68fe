'use client';

import { computeStatus, paceOf, type CellView, type Pace } from '@pace/engine';
import { useLocale, useTranslations } from 'next-intl';
import { useLocalMonth } from '@/lib/budget/use-local-month';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import { AdviceCard } from '@/features/advice';
// The entry card alone: the Insights index would bring its whole screen into Today's bundle.
import { InsightsEntry } from '@/features/insights/insights-entry';
// The entry card alone, for the same reason.
import { ReceiptsEntry } from '@/features/receipts/receipts-entry';
import { SyncStatusBar } from '@/features/sync/sync-status-bar';
import { StatusPill } from '@/ui/status-pill';
import { QuickAdd } from './quick-add';
import { RecentTransactions } from './recent-transactions';
import { statusOf } from './status-words';
import styles from './today.module.css';

/** Categories a person spends from day to day (bills and savings are not "safe to spend"). */
const isSpendable = (behaviour: string, priority: string) =>
  behaviour !== 'fixed' && priority !== 'sacred';

const PACE_RANK: Record<Pace['level'], number> = { none: 0, watch: 1, warning: 2, critical: 3 };

/** Today: what is safe to spend, per category, the month, pace, recent spending, quick add. */
export function TodayScreen() {
  const t = useTranslations('today');
  const locale = useLocale();
  const view = useLocalMonth();

  if (view.kind === 'loading') {
    return (
      <div className={styles.stack} aria-busy="true">
        <h1 className={styles.title}>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </div>
    );
  }
  if (view.kind === 'empty' || view.kind === 'no-plan') {
    return (
      <div className={styles.stack}>
        <h1 className={styles.title}>{t('title')}</h1>
        <SyncStatusBar />
        <section className={styles.card}>
          <h2 className={styles.cardTitle}>{t('empty.title')}</h2>
          <p className={styles.muted}>{t('empty.text')}</p>
        </section>
      </div>
    );
  }
  if (view.kind === 'error') {
    return (
      <div className={styles.stack}>
        <h1 className={styles.title}>{t('title')}</h1>
        <section className={styles.card} role="alert">
          <h2 className={styles.cardTitle}>{t('error.title')}</h2>
          <p className={styles.muted}>{t('error.text')}</p>
        </section>
      </div>
    );
  }

  const { state, plan, settings, today, names, transactions } = view;
  const currency = plan.currency;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const todayView = state.todayView();
  const info = new Map(plan.categories.map((c) => [c.id, c]));
  const spendable: CellView[] = (todayView?.categories ?? []).filter((cell) => {
    const category = info.get(cell.categoryId);
    return category ? isSpendable(category.behaviour, category.priority) : true;
  });
  const safeToday = spendable.reduce((sum, cell) => sum + cell.remainingMinor, 0);
  // The day as a whole: all spendable spending against all spendable allocations.
  const overall = computeStatus({
    spentMinor: spendable.reduce((sum, cell) => sum + cell.spentMinor, 0),
    allocationMinor: spendable.reduce((sum, cell) => sum + cell.allocationMinor, 0),
    currency,
  });
  // Categories with nothing today (a clustered one between its days) stay in quick add only.
  const shown = spendable.filter((cell) => cell.allocationMinor !== 0 || cell.spentMinor !== 0);
  const overallStatus = statusOf(overall);
  const leftThisMonth = state.totals.plannedMinor - state.totals.spentMinor;
  const paces = spendable
    .map((cell) => ({ id: cell.categoryId, pace: paceOf(state, cell.categoryId) }))
    .filter((p) => p.pace.level !== 'none')
    .sort((a, b) => PACE_RANK[b.pace.level] - PACE_RANK[a.pace.level]);
  const worst = paces[0];
  const quickCategories = spendable.map((cell) => ({
    id: cell.categoryId,
    name: names.get(cell.categoryId) ?? cell.categoryId,
  }));

  return (
    <div className={styles.stack}>
      <header className={styles.intro}>
        <h1 className={styles.title}>{t('title')}</h1>
        <p className={styles.muted}>{formatLocalDate(today, locale, { dateStyle: 'full' })}</p>
      </header>
      <SyncStatusBar />

      <section aria-labelledby="safe-title" className={styles.hero}>
        <h2 id="safe-title" className={styles.heroLabel}>
          {t('safeToday')}
        </h2>
        <p className={styles.heroAmount} data-testid="safe-today">
          {money(safeToday)}
        </p>
        <StatusPill tone={overallStatus.tone}>{t(`status.${overallStatus.key}`)}</StatusPill>
        <dl className={styles.facts}>
          <div>
            <dt>{t('leftThisMonth')}</dt>
            <dd data-testid="left-this-month">{money(leftThisMonth)}</dd>
          </div>
          <div>
            <dt>{t('pace.label')}</dt>
            <dd>
              {worst
                ? t(`pace.${worst.pace.level as 'watch' | 'warning' | 'critical'}`, {
                    category: names.get(worst.id) ?? worst.id,
                    date: worst.pace.runOutOn
                      ? formatLocalDate(worst.pace.runOutOn, locale, {
                          day: 'numeric',
                          month: 'long',
                        })
                      : '—',
                  })
                : t('pace.onTrack')}
            </dd>
          </div>
        </dl>
      </section>

      <QuickAdd categories={quickCategories} currency={currency} today={today} />

      <ReceiptsEntry />

      <section aria-labelledby="categories-title" className={styles.card}>
        <h2 id="categories-title" className={styles.cardTitle}>
          {t('categories.title')}
        </h2>
        {shown.length === 0 ? (
          <p className={styles.muted}>{t('categories.empty')}</p>
        ) : (
          <ul className={styles.rows}>
            {shown.map((cell) => {
              const status = statusOf(cell.status);
              const name = names.get(cell.categoryId) ?? cell.categoryId;
              return (
                <li
                  key={cell.categoryId}
                  className={styles.row}
                  data-testid={`today-category-${cell.categoryId}`}
                >
                  <span className={styles.rowName}>{name}</span>
                  <span className={styles.rowAmount}>
                    {t('categories.left', { amount: money(cell.remainingMinor) })}
                    <span className={styles.muted}>
                      {t('categories.ofAllocation', { amount: money(cell.allocationMinor) })}
                    </span>
                  </span>
                  <StatusPill tone={status.tone}>{t(`status.${status.key}`)}</StatusPill>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <AdviceCard today={today} names={names} />

      <InsightsEntry />

      <RecentTransactions transactions={transactions} names={names} settings={settings} />
    </div>
  );
}
