/**
 * Wire format of money: a plain decimal string with exactly the currency's minor digits
 * (`"12.30"` for USD, `"1500"` for JPY, `"1.234"` for KWD), `-` for negatives, never `-0`.
 * Display formatting belongs to the UI (Intl.NumberFormat); this is the API's exact form.
 */
import { minorDigitsOf, type CurrencyCode } from './currencies';
import { assertMinor, type Money } from './money';

/** The Money shape on the wire: `{ amount: "12.30", currency: "USD" }`. */
export interface WireMoney {
  readonly amount: string;
  readonly currency: CurrencyCode;
}

/** Formats minor units as the wire decimal string of the currency (`1230` USD → `"12.30"`). */
export function formatDecimal(amountMinor: number, currency: CurrencyCode): string {
  assertMinor(amountMinor, 'amountMinor');
  const digits = minorDigitsOf(currency);
  const isNegative = amountMinor < 0;
  const text = String(Math.abs(amountMinor));
  if (digits === 0) return isNegative ? `-${text}` : text;
  const padded = text.padStart(digits + 1, '0');
  const body = `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  return isNegative ? `-${body}` : body;
}

/** Converts Money to its wire shape. */
export function moneyToWire(value: Money): WireMoney {
  return { amount: formatDecimal(value.amountMinor, value.currency), currency: value.currency };
}
