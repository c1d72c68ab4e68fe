'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { TransactionRecord } from '@/lib/db';
import { formatMoney } from '@/lib/format/money';
import styles from './currency.module.css';

/**
 * "¥1,200 →" before a converted transaction's budget amount; while the server has not converted a
 * new paid amount yet, "¥1,200 → estimated until online" when the device converted it with the
 * rates it synced, else "¥1,200 → converted when online" (docs/currencies.md §5).
 */
export function PaidAmountNote({ transaction }: { transaction: TransactionRecord }) {
  const t = useTranslations('currency');
  const locale = useLocale();
  const { originalAmountMinor, originalCurrency } = transaction;
  if (originalAmountMinor == null || originalCurrency == null) return null;
  const paid = formatMoney(originalAmountMinor, originalCurrency, locale);
  const isPending = transaction.fxRate == null;
  return (
    <span className={styles.paid} data-testid="paid-amount">
      {isPending ? (
        <span className={styles.pending}>{t('pendingConversion', { amount: paid })}</span>
      ) : transaction.fxRateOnDevice ? (
        <span className={styles.pending}>{t('estimatedConversion', { amount: paid })}</span>
      ) : (
        t('paidArrow', { amount: paid })
      )}
    </span>
  );
}
