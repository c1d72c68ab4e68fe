/**
 * Amounts as printed on receipts: `12.30`, `1,234.56`, `1.234,56`, `12,30`, `1 234,56`, `RM20.70`,
 * `-3.00`, `205.5`. A separator followed by one or two digits at the end is the decimal mark, whatever
 * the locale (receipts print what their till prints); a separator followed by exactly three digits
 * groups thousands, except for a three-decimal currency whose locale writes that separator as its
 * decimal mark. Spaces and apostrophes group thousands only where the locale groups with them.
 */
import { minorDigitsOf, type CurrencyCode } from '../money/currencies';
import { separatorsOf } from '../money/locale-separators';

/** One amount found in a line of receipt text. */
export interface ReceiptAmount {
  readonly minor: number;
  /** The amount had a decimal part (`12.30`), not just digits (`12`). */
  readonly hasDecimals: boolean;
  /** Character offset of the match in the line. */
  readonly index: number;
  readonly text: string;
}

const SPACE_GROUPS = new Set([' ', '\u00a0', '\u202f']);

function groupPattern(locale: string): string {
  const seps = separatorsOf(locale);
  const extra = seps.groups.some((group) => SPACE_GROUPS.has(group))
    ? ' \\u00a0\\u202f'
    : seps.groups.includes('’') || seps.groups.includes("'")
      ? "'’"
      : '';
  return `[,.${extra}]`;
}

const patternCache = new Map<string, RegExp>();

function amountPattern(locale: string): RegExp {
  let pattern = patternCache.get(locale);
  if (pattern === undefined) {
    const group = groupPattern(locale);
    // sign, integer (Indian lakh grouping, thousands groups or plain digits), optional decimal part;
    // never inside a longer number, a date or a time.
    pattern = new RegExp(
      `(?<![\\d.,/:-])(-\\s?)?(\\d{1,2}(?:,\\d{2})+,\\d{3}|\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:[.,](\\d{1,3})|\\.\\s(\\d{2}))?(?![\\d/:]|[.,-]\\d)`,
      'g',
    );
    patternCache.set(locale, pattern);
  }
  return pattern;
}

function fractionMinor(fraction: string, digits: number): number | null {
  if (fraction.length > digits) return null;
  return Number(fraction.padEnd(digits, '0') || '0');
}

function toMinor(
  match: RegExpExecArray,
  currency: CurrencyCode,
  locale: string,
): ReceiptAmount | null {
  const [text, sign, integerText = '', pointFraction, spacedFraction] = match;
  const fractionText = pointFraction ?? spacedFraction;
  const digits = minorDigitsOf(currency);
  let integerDigits = integerText.replace(/\D/g, '');
  let fraction = fractionText ?? '';
  if (fraction.length === 3) {
    // `1.234` or `1,234`: thousands, unless a 3-decimal currency writes it with its decimal mark.
    const mark = text.charAt(text.length - 4);
    const isDecimal = digits === 3 && mark === separatorsOf(locale).decimal;
    // `1.234` in a two-decimal currency is a thousands group.
    if (!isDecimal) {
      if (integerText.length > 3 && !/[.,]/.test(integerText)) return null;
      integerDigits += fraction;
      fraction = '';
    }
  }
  const threeDecimals = /^(\d{1,3})([.,])(\d{3})$/.exec(integerText);
  if (fraction === '' && digits === 3 && threeDecimals?.[2] === separatorsOf(locale).decimal) {
    // `1.250` KWD where the locale's decimal mark is `.`: one dinar 250 fils, not 1250 dinars.
    integerDigits = threeDecimals[1] ?? '';
    fraction = threeDecimals[3] ?? '';
  }
  const fractionValue = fractionMinor(fraction, digits);
  if (fractionValue === null) return null;
  const minor = Number(integerDigits) * 10 ** digits + fractionValue;
  if (!Number.isSafeInteger(minor)) return null;
  return {
    minor: sign === undefined ? minor : -minor,
    hasDecimals: fraction.length > 0,
    index: match.index,
    text,
  };
}

/** Finds every amount in a line, left to right, in minor units of the currency. */
export function findAmounts(line: string, currency: CurrencyCode, locale: string): ReceiptAmount[] {
  const pattern = amountPattern(locale);
  pattern.lastIndex = 0;
  const amounts: ReceiptAmount[] = [];
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    const amount = toMinor(match, currency, locale);
    if (amount !== null) amounts.push(amount);
  }
  return amounts;
}

/** The amount a priced line ends with (its rightmost amount with decimals), or null. */
export function lastPrice(
  line: string,
  currency: CurrencyCode,
  locale: string,
): ReceiptAmount | null {
  const amounts = findAmounts(line, currency, locale);
  const requireDecimals = minorDigitsOf(currency) > 0;
  for (let index = amounts.length - 1; index >= 0; index -= 1) {
    const amount = amounts[index];
    if (amount !== undefined && (!requireDecimals || amount.hasDecimals)) return amount;
  }
  return null;
}
