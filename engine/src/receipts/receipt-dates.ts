/**
 * Dates as printed on receipts: ISO `2018-06-05`, numeric `05/06/2018`, `05.06.2018`, `5-6-18`,
 * month names `19 JUL 2016`, `28-FEB-2018`, `Jul 19, 2016`, in several languages, and dates glued to
 * a time by OCR (`05-06-201807:24:41`). When both day/month orders are valid, the locale's own
 * order (from Intl) decides, and the date is less certain.
 */

/** A calendar date found in receipt text. */
export interface ReceiptDate {
  /** `YYYY-MM-DD`. */
  readonly iso: string;
  /** Day/month order was decided by the locale, not by the digits. */
  readonly isAmbiguous: boolean;
  readonly index: number;
}

const MONTHS: Readonly<Record<string, number>> = buildMonths({
  1: 'jan january januar janvier janv enero ene gennaio gen janeiro januari jänner',
  2: 'feb february februar fevrier février fév fev febrero febbraio fevereiro februari',
  3: 'mar march märz marz mär mars marzo março marco mrt maart',
  4: 'apr april avril avr abril abr aprile',
  5: 'may mai mayo maggio mag maio mei',
  6: 'jun june juni juin junio giugno giu junho',
  7: 'jul july juli juillet juil julio luglio lug julho',
  8: 'aug august août aout agosto ago augustus',
  9: 'sep sept september septembre septiembre settembre set setembro',
  10: 'oct october oktober octobre octubre ottobre ott outubro out okt',
  11: 'nov november novembre noviembre novembro',
  12: 'dec december dezember décembre decembre déc diciembre dic dicembre dezembro dez',
});

function buildMonths(table: Record<number, string>): Record<string, number> {
  const months: Record<string, number> = {};
  for (const [month, names] of Object.entries(table)) {
    for (const name of names.split(' ')) months[name] = Number(month);
  }
  return months;
}

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// A year may be glued to a following time by OCR (`201807:24`, `1806:01`): 19xx/20xx, or two digits
// followed by nothing numeric or by a time.
const ISO = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;
const NUMERIC =
  /(?<!\d)(?<!\d[.,])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?((?:19|20)\d{2}|\d{2}(?!\d)|\d{2}(?=\d{1,2}:\d{2}))/g;
// OCR reads a slash as a colon or comma now and then (`27:03/2018`); only with a four-digit year.
const NUMERIC_SLIPPED = /(?<![\d:])(\d{1,2})[:;,](\d{1,2})[-/.]((?:19|20)\d{2})/g;
const DAY_NAME_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s./-]*(${MONTH_NAMES})\\.?[\\s./,-]*((?:19|20)\\d{2}|\\d{2}(?!\\d)|\\d{2}(?=\\d{1,2}:\\d{2}))`,
  'giu',
);
const NAME_DAY_YEAR = new RegExp(
  `(?<![a-z])(${MONTH_NAMES})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2}|\\d{2}(?!\\d)|\\d{2}(?=\\d{1,2}:\\d{2}))`,
  'giu',
);

const orderCache = new Map<string, 'dmy' | 'mdy' | 'ymd'>();

/** The locale's order of day and month in a numeric date (en-US mdy, en-GB dmy, ja ymd). */
export function localeDateOrder(locale: string): 'dmy' | 'mdy' | 'ymd' {
  let order = orderCache.get(locale);
  if (order === undefined) {
    let parts: string[] = [];
    try {
      parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC' })
        .formatToParts(new Date(Date.UTC(2001, 10, 22)))
        .map((part) => part.type);
    } catch {
      parts = [];
    }
    const day = parts.indexOf('day');
    const month = parts.indexOf('month');
    const year = parts.indexOf('year');
    order = year >= 0 && year < month ? 'ymd' : month >= 0 && month < day ? 'mdy' : 'dmy';
    orderCache.set(locale, order);
  }
  return order;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function numericDate(
  [first = '', second = '', yearText = '']: readonly (string | undefined)[],
  index: number,
  locale: string,
): ReceiptDate | null {
  const a = Number(first);
  const b = Number(second);
  const year = fullYear(yearText);
  const dayFirst = isoOf(year, b, a);
  const monthFirst = isoOf(year, a, b);
  if (dayFirst !== null && monthFirst !== null && a !== b) {
    const iso = localeDateOrder(locale) === 'mdy' ? monthFirst : dayFirst;
    return { iso, isAmbiguous: true, index };
  }
  const iso = dayFirst ?? monthFirst;
  return iso === null ? null : { iso, isAmbiguous: false, index };
}

function collect(
  pattern: RegExp,
  text: string,
  read: (match: RegExpExecArray) => ReceiptDate | null,
): ReceiptDate[] {
  pattern.lastIndex = 0;
  const found: ReceiptDate[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const date = read(match);
    if (date !== null) found.push(date);
  }
  return found;
}

/** Finds every plausible date (years 1990–2099) in a line, in order of appearance. */
export function findDates(text: string, locale: string): ReceiptDate[] {
  const monthOf = (name: string) => MONTHS[name.toLowerCase()] ?? 0;
  const found = [
    ...collect(ISO, text, (match) =>
      dateOf(match[1] ?? '', match[2] ?? '', match[3] ?? '', match.index),
    ),
    ...collect(NUMERIC, text, (match) =>
      numericDate([match[1], match[3], match[4]], match.index, locale),
    ),
    ...collect(NUMERIC_SLIPPED, text, (match) =>
      numericDate([match[1], match[2], match[3]], match.index, locale),
    ),
    ...collect(DAY_NAME_YEAR, text, (match) => {
      const iso = isoOf(fullYear(match[3] ?? ''), monthOf(match[2] ?? ''), Number(match[1]));
      return iso === null ? null : { iso, isAmbiguous: false, index: match.index };
    }),
    ...collect(NAME_DAY_YEAR, text, (match) => {
      const iso = isoOf(fullYear(match[3] ?? ''), monthOf(match[1] ?? ''), Number(match[2]));
      return iso === null ? null : { iso, isAmbiguous: false, index: match.index };
    }),
  ];
  return found.sort((a, b) => a.index - b.index);
}

function dateOf(year: string, month: string, day: string, index: number): ReceiptDate | null {
  const iso = isoOf(Number(year), Number(month), Number(day));
  return iso === null ? null : { iso, isAmbiguous: false, index };
}
