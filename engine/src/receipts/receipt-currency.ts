/**
 * Currency detection from receipt text: symbols (`€`, `£`, `RM`, `S$` …) and ISO codes next to an
 * amount or in a heading such as `Amount(RM)`. A bare `$`, `¥` or `kr` names several currencies: the
 * person's own currency wins when it is one of them.
 */
import type { CurrencyCode } from '../money/currencies';

/** A detected currency and how sure the detection is. */
export interface DetectedCurrency {
  readonly code: CurrencyCode;
  readonly confidence: number;
}

// Unambiguous prefixes/symbols. Letters must not touch other letters (`FORM` is not RM).
const SYMBOLS: ReadonlyArray<readonly [RegExp, CurrencyCode]> = [
  [/(?<![A-Za-z])RM(?=\s?-?\d|\))|\d\s?RM(?![A-Za-z])/, 'MYR'],
  [/S\$/, 'SGD'],
  [/A\$|AU\$/, 'AUD'],
  [/C\$|CA\$/, 'CAD'],
  [/NZ\$/, 'NZD'],
  [/HK\$/, 'HKD'],
  [/NT\$/, 'TWD'],
  [/R\$/, 'BRL'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₹|(?<![A-Za-z])Rs\.?(?=\s?\d)/, 'INR'],
  [/₩/, 'KRW'],
  [/₱/, 'PHP'],
  [/฿/, 'THB'],
  [/₫/, 'VND'],
  [/₺/, 'TRY'],
  [/₪/, 'ILS'],
  [/₽/, 'RUB'],
  [/₴/, 'UAH'],
  [/(?<![A-Za-z])zł/i, 'PLN'],
  [/(?<![A-Za-z])Kč/, 'CZK'],
  [/(?<![A-Za-z])Rp\.?(?=\s?\d)/, 'IDR'],
];

const AMBIGUOUS: ReadonlyArray<readonly [RegExp, readonly CurrencyCode[]]> = [
  [/\$\s?\d|\d\s?\$/, ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD', 'BND']],
  [/¥\s?\d|\d\s?[円元]/, ['JPY', 'CNY']],
  [/(?<![A-Za-z])kr\.?(?![A-Za-z])/i, ['SEK', 'NOK', 'DKK', 'ISK']],
  [/(?<![A-Za-z])(?:CHF|Fr\.)(?![A-Za-z])/, ['CHF']],
];

// ISO codes that are also common receipt words (ALL, TOP, CUP, PEN …) are left out on purpose.
const ISO_CODES =
  'USD EUR GBP JPY CNY MYR SGD AUD CAD NZD HKD INR IDR THB PHP VND KRW CHF SEK NOK DKK PLN CZK HUF ' +
  'RON BGN ZAR BRL MXN ARS CLP COP AED SAR QAR KWD BHD OMR ILS EGP NGN KES TWD RUB UAH BND LKR PKR';
// A code counts next to an amount (`EUR 12.30`, `12.30 EUR`) or as a column heading (`Amount(EUR)`).
const ISO = new RegExp(
  `(?<![A-Za-z])(${ISO_CODES.split(' ').join('|')})(?=\\s?-?\\d|\\))|\\d\\s?(${ISO_CODES.split(' ').join('|')})(?![A-Za-z])`,
);

function countIn(lines: readonly string[], pattern: RegExp): number {
  return lines.reduce((count, line) => count + (pattern.test(line) ? 1 : 0), 0);
}

/** Detects the receipt's currency; null when the text names none. */
export function detectCurrency(
  lines: readonly string[],
  defaultCurrency: CurrencyCode,
): DetectedCurrency | null {
  let best: { code: CurrencyCode; hits: number } | null = null;
  const consider = (code: CurrencyCode, hits: number) => {
    if (hits > 0 && (best === null || hits > best.hits)) best = { code, hits };
  };
  for (const [pattern, code] of SYMBOLS) consider(code, countIn(lines, pattern));
  for (const line of lines) {
    const match = ISO.exec(line);
    const iso = match?.[1] ?? match?.[2];
    if (iso !== undefined)
      consider(iso, countIn(lines, new RegExp(`(?<![A-Za-z])${iso}(?![A-Za-z])`)));
  }
  const found = best as { code: CurrencyCode; hits: number } | null;
  if (found !== null) return { code: found.code, confidence: found.hits > 1 ? 0.95 : 0.85 };
  for (const [pattern, codes] of AMBIGUOUS) {
    const hits = countIn(lines, pattern);
    if (hits === 0) continue;
    if (codes.includes(defaultCurrency)) return { code: defaultCurrency, confidence: 0.85 };
    // One stray symbol is often OCR noise (`*` read as `¥`): it does not outvote the default.
    if (hits > 1) return { code: codes[0] ?? defaultCurrency, confidence: 0.5 };
  }
  return null;
}
