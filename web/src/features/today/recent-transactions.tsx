'use client';

import { useLocale, useTranslations } from 'next-intl';
import { PaidAmountNote } from '@/features/currency';
import type { SettingsRecord, TransactionRecord } from '@/lib/db';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import styles from './today.module.css';

const RECENT = 5;

/** The last few transactions of the month, newest first, with a pending mark until synced. */
export function RecentTransactions({
  transactions,
  names,
}: {
  transactions: readonly TransactionRecord[];
  names: ReadonlyMap<string, string>;
  settings: SettingsRecord;
}) {
  const t = useTranslations('today');
  const locale = useLocale();
  const recent = [...transactions]
    .sort((a, b) =>
      a.bookedOn === b.bookedOn
        ? b.occurredAt.localeCompare(a.occurredAt)
        : b.bookedOn.localeCompare(a.bookedOn),
    )
    .slice(0, RECENT);
  return (
    <section aria-labelledby="recent-title" className={styles.card}>
      <h2 id="recent-title" className={styles.cardTitle}>
        {t('recent.title')}
      </h2>
      {recent.length === 0 ? (
        <p className={styles.muted}>{t('recent.empty')}</p>
      ) : (
        <ul className={styles.rows} data-testid="recent-transactions">
          {recent.map((tx) => (
            <li key={tx.id} className={styles.row}>
              <span className={styles.rowName}>
                {tx.note ?? tx.merchant ?? names.get(tx.categoryId) ?? tx.categoryId}
                <span className={styles.muted}>
                  {names.get(tx.categoryId) ?? tx.categoryId} ·{' '}
                  {formatLocalDate(tx.bookedOn, locale)}
                </span>
              </span>
              <span className={styles.rowAmount}>
                {/* Paid in another currency: "¥1,200 →", estimated or waiting until online. */}
                <PaidAmountNote transaction={tx} />
                {formatMoney(
                  tx.direction === 'expense' ? -tx.amountMinor : tx.amountMinor,
                  tx.currency,
                  locale,
                )}
              </span>
              {tx.pending ? <span className={styles.pending}>{t('recent.pending')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
