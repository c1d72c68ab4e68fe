/**
 * The naive receipt reader the evaluation compares against (issue #11): first line as merchant,
 * the largest number on a line mentioning "total", the first date.
 */
import type { CurrencyCode } from '../money/currencies';
import { findAmounts } from './receipt-amounts';
import { findDates } from './receipt-dates';
import type { ParsedReceipt, ReceiptField, ReceiptLine } from './receipt-types';

function field<T>(value: T | null): ReceiptField<T> {
  return { value, confidence: value === null ? 0 : 0.5 };
}

/** Reads a receipt the naive way, as the baseline for the evaluation CLI. */
export function naiveReceiptBaseline(
  lines: readonly ReceiptLine[],
  options: { readonly locale?: string; readonly defaultCurrency?: CurrencyCode } = {},
): ParsedReceipt {
  const locale = options.locale ?? 'en';
  const currency = options.defaultCurrency ?? 'USD';
  const texts = lines.map((line) => line.text.trim()).filter(Boolean);
  let total: number | null = null;
  for (const text of texts) {
    if (!/total/i.test(text)) continue;
    for (const amount of findAmounts(text, currency, locale)) {
      if (total === null || amount.minor > total) total = amount.minor;
    }
  }
  const date = texts.flatMap((text) => findDates(text, locale))[0]?.iso ?? null;
  return {
    merchant: field(texts[0] ?? null),
    date: field(date),
    currency: field<CurrencyCode>(null),
    total: field(total),
    tax: field<number>(null),
    items: [],
    category: field<string>(null),
    needsReview: ['merchant', 'date', 'currency', 'total', 'tax', 'category'],
  };
}
