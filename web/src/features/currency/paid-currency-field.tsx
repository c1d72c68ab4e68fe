'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TransactionRecord } from '@/lib/db';
import { formatLocalDate, formatMoney } from '@/lib/format/money';
import type { TransactionPatch } from '@/lib/sync';
import { currencyOptions } from './currency-options';
import styles from './currency.module.css';

/**
 * The editor's "paid in" currency: the budget currency, or another one whose amount the server
 * converts at the booking date's rate. Shows the stored conversion while amount, currency and date
 * are unchanged; otherwise that it is converted when saved online.
 */
export function PaidCurrencyField({
  id,
  transaction,
  value,
  onChange,
  isUnchanged,
}: {
  id: string;
  transaction: TransactionRecord;
  value: string;
  onChange: (currency: string) => void;
  /** Amount, currency and date are as stored. */
  isUnchanged: boolean;
}) {
  const t = useTranslations('currency');
  const locale = useLocale();
  const options = useMemo(
    () => currencyOptions(transaction.currency, locale),
    [transaction.currency, locale],
  );
  const isForeign = value !== transaction.currency;
  const { fxRate, fxRateOn } = transaction;
  const converted =
    isForeign && isUnchanged && fxRate && fxRateOn
      ? t(transaction.fxRateEstimated ? 'convertedEstimated' : 'converted', {
          total: formatMoney(transaction.amountMinor, transaction.currency, locale),
          rate: fxRate,
          date: formatLocalDate(fxRateOn, locale),
        })
      : null;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{t('paidIn')}</label>
      <select
        id={id}
        className={styles.input}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={isForeign ? `${id}-hint` : undefined}
      >
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label}
          </option>
        ))}
      </select>
      {isForeign ? (
        <p id={`${id}-hint`} className={styles.hint} data-testid="converted-hint">
          {converted ?? t('convertedLater', { currency: transaction.currency })}
        </p>
      ) : null}
    </div>
  );
}

/** The amount fields of an edit: a plain amount, a paid amount to convert, or back to plain. */
export function amountPatchOf(
  record: TransactionRecord,
  currency: string,
  minor: number,
): Pick<TransactionPatch, 'amountMinor' | 'paid'> {
  if (currency === record.currency) {
    if (record.originalCurrency) return { paid: null, amountMinor: minor };
    return minor !== record.amountMinor ? { amountMinor: minor } : {};
  }
  if (currency === record.originalCurrency && minor === record.originalAmountMinor) return {};
  return { paid: { amountMinor: minor, currency } };
}
