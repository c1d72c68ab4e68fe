'use client';

import { parseDecimal } from '@pace/engine';
import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { formatLocalDate, formatMoney } from '@/lib/format/money';

/**
 * Formatters of the Insights screen in the person's locale: money exact (in `currency`; without one
 * only dates, months and shares are formatted), shares as percents.
 */
export function useInsightFormat(currency: string | null) {
  const locale = useLocale();
  return useMemo(() => {
    const percentFormat = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    const monthFormat = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const shortMonthFormat = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const compactFormat = currency
      ? new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          notation: 'compact',
          maximumFractionDigits: 1,
        })
      : null;
    const minorDigits = currency
      ? (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2)
      : 0;
    return {
      /** Minor units, rounded and short ("$1.2K"), for chart captions only: lists show exact money. */
      compactMoney: (minor: number) =>
        compactFormat ? compactFormat.format(minor / 10 ** minorDigits) : String(minor),
      /** A month's short name ("Mar"). */
      shortMonth: (month: string) => shortMonthFormat.format(new Date(`${month}-01T00:00:00Z`)),
      /** A wire decimal ("12.30") in the locale and currency; `signed` shows + and −. */
      money: (amount: string, signed = false) =>
        currency
          ? formatMoney(parseDecimal(amount, currency), currency, locale, { signed })
          : amount,
      /** Basis points (0–10000) as a percent. */
      share: (basisPoints: number) => percentFormat.format(basisPoints / 10_000),
      /** A ratio (0.12) as a percent. */
      ratio: (ratio: number) => percentFormat.format(ratio),
      date: (date: string) => formatLocalDate(date, locale),
      month: (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`)),
    };
  }, [currency, locale]);
}

export type InsightFormat = ReturnType<typeof useInsightFormat>;
