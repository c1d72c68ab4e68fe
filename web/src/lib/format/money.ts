import { formatDecimal, minorDigitsOf, parseDecimal } from '@pace/engine';

const formats = new Map<string, Intl.NumberFormat>();

/** Languages written right to left (their pages are `dir="rtl"`). */
const RIGHT_TO_LEFT_LANGUAGES: ReadonlySet<string> = new Set(['ar']);
/** LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE. */
const LTR_ISOLATE = '\u2066';
const POP_ISOLATE = '\u2069';

function formatterOf(locale: string, currency: string, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${signed}`;
  let format = formats.get(key);
  if (!format) {
    const digits = minorDigitsOf(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * An amount of minor units in the person's locale and currency, exactly: the engine writes the
 * decimal text and `Intl` formats that text (no float ever holds the money). In a right-to-left
 * language the amount is one isolated left-to-right run: Arabic formats "-420.10 US$" behind a
 * right-to-left mark, which a right-to-left line would tear ("$-420.10 US"); isolated, it reads
 * the same on every screen and inside every sentence, with no styling of its own.
 */
export function formatMoney(
  amountMinor: number,
  currency: string,
  locale: string,
  options: { signed?: boolean } = {},
): string {
  const text = formatDecimal(amountMinor, currency) as `${number}`;
  const formatted = formatterOf(locale, currency, options.signed ?? false).format(text);
  const language = locale.split('-')[0] ?? locale;
  return RIGHT_TO_LEFT_LANGUAGES.has(language)
    ? `${LTR_ISOLATE}${formatted}${POP_ISOLATE}`
    : formatted;
}

/**
 * What the person typed as an amount, in minor units, or null when it is not one. Both the
 * locale's form ("12,30" in de) and the plain form ("12.30") are read.
 */
export function parseAmountInput(text: string, currency: string, locale: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  for (const attempt of [
    () => parseDecimal(trimmed, currency, { locale }),
    () => parseDecimal(trimmed, currency),
  ]) {
    try {
      const minor = attempt();
      if (minor > 0) return minor;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** A local date (YYYY-MM-DD) in the person's locale, e.g. "Sat, 14 Mar". */
export function formatLocalDate(
  date: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' },
): string {
  const [y, m, d] = date.split('-').map(Number);
  // Noon UTC of that calendar day, shown in UTC: the same calendar day in every zone.
  const instant = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
}
