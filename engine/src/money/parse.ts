/**
 * Exact parsing of decimal text into minor units. Nothing is ever rounded: more fraction digits
 * than the currency has is MONEY_TOO_MANY_DECIMALS, even when they are zeros (`"12.300"` for USD),
 * because the input then claims a precision the currency does not have.
 *
 * Without a locale the input must be the wire form (`-?digits[.digits]`, no grouping). With a
 * locale, that locale's decimal and grouping separators are accepted, and grouping must sit where
 * the locale puts it (`"1,234.56"` en-US, `"1.234,56"` de-DE, `"12,34,567.89"` en-IN), so
 * `"12.30"` typed in de-DE is rejected rather than read as 1230.
 */
import { EngineError } from '../errors';
import { minorDigitsOf, type CurrencyCode } from './currencies';
import { money, type Money } from './money';
import type { WireMoney } from './format';
import { separatorsOf, type Separators } from './locale-separators';

/** Options of {@link parseDecimal}: a BCP 47 locale enables its separators and grouping. */
export interface ParseDecimalOptions {
  readonly locale?: string;
}

const WIRE: Separators = { decimal: '.', groups: [], primary: 3, secondary: 3 };
const MINUS = /^[-\u2212]/;
// Bidi marks that some locales put around numbers and signs.
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

function invalid(text: string, reason: string): EngineError {
  return new EngineError('MONEY_INVALID', `"${text}" is not a valid amount: ${reason}`, { text });
}

function asciiDigits(text: string): string {
  // Arabic-Indic and Extended Arabic-Indic digits, used by some locales' number formats.
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (char) =>
    String((char.charCodeAt(0) & 0x0f) % 10),
  );
}

function checkGrouping(text: string, integer: string, seps: Separators): string {
  const group = seps.groups.find((candidate) => integer.includes(candidate));
  if (group === undefined) return integer;
  const parts = integer.split(group);
  const last = parts.length - 1;
  const isValid = parts.every((part, index) => {
    if (index === 0)
      return part.length >= 1 && part.length <= (last === 1 ? seps.primary : seps.secondary);
    return part.length === (index === last ? seps.primary : seps.secondary);
  });
  if (!isValid) throw invalid(text, 'digit grouping does not match the locale');
  return parts.join('');
}

function toMinor(text: string, integer: string, fraction: string, currency: CurrencyCode): number {
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction))
    throw invalid(text, 'unexpected character');
  const digits = minorDigitsOf(currency);
  if (fraction.length > digits) {
    throw new EngineError(
      'MONEY_TOO_MANY_DECIMALS',
      `"${text}" has ${fraction.length} decimals; ${currency} has ${digits}`,
      { text, currency, allowed: digits, given: fraction.length },
    );
  }
  const value = Number(integer + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(value)) {
    throw new EngineError('MONEY_OUT_OF_RANGE', `"${text}" is too large`, { text, currency });
  }
  return value;
}

function parseWith(text: string, currency: CurrencyCode, seps: Separators): number {
  let body = asciiDigits(text.replace(BIDI_MARKS, '').trim());
  const isNegative = MINUS.test(body);
  if (isNegative) body = body.slice(1);
  const pieces = body.split(seps.decimal);
  if (pieces.length > 2) throw invalid(text, 'more than one decimal separator');
  const [rawInteger = '', fraction] = pieces;
  if (fraction !== undefined && fraction.length === 0)
    throw invalid(text, 'no digits after the separator');
  if (rawInteger.length === 0) throw invalid(text, 'no digits before the separator');
  const minor = toMinor(text, checkGrouping(text, rawInteger, seps), fraction ?? '', currency);
  return isNegative && minor !== 0 ? -minor : minor;
}

/** Parses a decimal string exactly into minor units of the currency; never rounds. */
export function parseDecimal(
  text: string,
  currency: CurrencyCode,
  options: ParseDecimalOptions = {},
): number {
  const seps = options.locale === undefined ? WIRE : separatorsOf(options.locale);
  return parseWith(text, currency, seps);
}

/** Parses text into Money of the currency (see {@link parseDecimal}). */
export function parseMoney(
  text: string,
  currency: CurrencyCode,
  options: ParseDecimalOptions = {},
): Money {
  return money(parseDecimal(text, currency, options), currency);
}

/** Reads the wire shape `{ amount: "12.30", currency: "USD" }` into Money. */
export function moneyFromWire(wire: WireMoney): Money {
  return parseMoney(wire.amount, wire.currency);
}
