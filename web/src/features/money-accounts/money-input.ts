import { parseAmountInput } from '@/lib/format/money';

/**
 * A balance the person typed, in minor units, or null when it is not one. Unlike an amount it may
 * be zero or negative (money owed on a card or a loan): a leading minus sign is read.
 */
export function parseSignedAmount(text: string, currency: string, locale: string): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  const negative = trimmed.startsWith('-');
  const body = negative ? trimmed.slice(1).trim() : trimmed;
  if (/^0*([.,]0*)?$/.test(body) && /\d/.test(body)) return 0;
  const minor = parseAmountInput(body, currency, locale);
  if (minor === null) return null;
  return negative ? -minor : minor;
}
