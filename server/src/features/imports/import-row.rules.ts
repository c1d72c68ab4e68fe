import { createHash } from 'node:crypto';
import {
  isEngineError,
  parseDecimal,
  type LocalDate,
  type TransactionDirection,
} from '@pace/engine';

/** A bank row made ready for the ledger: a positive amount with a direction, a local date. */
export interface NormalisedRow {
  externalId?: string;
  occurredOn: LocalDate;
  amountMinor: number;
  direction: TransactionDirection;
  payee: string;
  memo: string;
  categoryId?: string;
  /** Paid in another currency, as the statement line prints it; `amountMinor` stays the booked one. */
  paid?: PaidOnStatement;
}

/** A statement line's original amount (minor units of `currency`) and its rate (exact decimal). */
export interface PaidOnStatement {
  amountMinor: number;
  currency: string;
  /** Budget-currency units for one unit of `currency`. */
  rate: string;
}

/** One line of a file: the row, or why it cannot be read. `line` counts from 1 in the file. */
export type ParsedLine =
  | {
      line: number;
      row: NormalisedRow;
      error?: undefined;
      /** Read, but not to be imported (e.g. an entry the bank has not booked yet): why. */
      notice?: string;
    }
  | { line: number; row?: undefined; error: string; notice?: undefined };

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Which sign is money leaving: bank files write expenses negative. */
export type SignConvention = 'NEGATIVE_IS_EXPENSE' | 'POSITIVE_IS_EXPENSE';

const DATE_PATTERNS: Record<
  DateFormat,
  { pattern: RegExp; order: [year: number, month: number, day: number] }
> = {
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [1, 2, 3] },
  'MM/DD/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'DD/MM/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'DD.MM.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
};

/** A calendar date of the given parts, or null when it does not exist (31 April, 29 Feb 2025). */
export function localDateOfParts(year: number, month: number, day: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads a date written in `format`; null when it is not one. */
export function parseLocalDate(text: string, format: DateFormat): LocalDate | null {
  const { pattern, order } = DATE_PATTERNS[format];
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = order.map((group) => Number(match[group]));
  return localDateOfParts(year ?? 0, month ?? 0, day ?? 0);
}

/**
 * Reads a signed decimal exactly (never rounded) into minor units. `decimalSeparator` ',' reads
 * "1.234,56" and "-12,30"; '.' reads "1,234.56". A leading '+' and surrounding spaces are allowed.
 */
export function parseSignedAmount(
  text: string,
  currency: string,
  decimalSeparator: '.' | ',',
): number {
  const body = text.trim().replace(/^\+/, '').replace(/\s/g, '');
  try {
    return parseDecimal(body, currency, { locale: decimalSeparator === ',' ? 'de-DE' : 'en-US' });
  } catch (error) {
    if (isEngineError(error)) throw new RowError(`"${text}" is not an amount in ${currency}`);
    throw error;
  }
}

/** A row that cannot be read: the message goes to the import report. */
export class RowError extends Error {}

/** The ledger's positive amount and direction of a signed bank amount. */
export function directedAmount(
  signedMinor: number,
  convention: SignConvention,
): { amountMinor: number; direction: TransactionDirection } {
  if (signedMinor === 0) throw new RowError('amount is zero');
  const isOutflow = convention === 'NEGATIVE_IS_EXPENSE' ? signedMinor < 0 : signedMinor > 0;
  return { amountMinor: Math.abs(signedMinor), direction: isOutflow ? 'expense' : 'income' };
}

/** Lower-case words of a payee, punctuation stripped: "AMAZON.COM*Mktp" → {amazon, com, mktp}. */
export function payeeTokens(payee: string): Set<string> {
  return new Set(
    payee
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 0),
  );
}

export const SIMILAR_PAYEE = 0.8;

/** Token-set Jaccard similarity of two payees; two empty payees are alike. */
export function payeeSimilarity(a: string, b: string): number {
  return tokenSimilarity(payeeTokens(a), payeeTokens(b));
}

/** Jaccard similarity of two payees' tokens (`payeeTokens`); two empty sets are alike. */
export function tokenSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/**
 * Import ids for rows whose bank gave none: a hash of the row's content and of how many identical
 * rows came before it in the file, so re-importing the file (or an overlapping one) gives the same
 * ids, and two identical purchases on one day stay two.
 */
export function withContentIds(
  lines: readonly ParsedLine[],
  prefix: string,
  context: (line: ParsedLine, index: number) => string,
): ParsedLine[] {
  const seen = new Map<string, number>();
  return lines.map((parsed, index) => {
    if (!parsed.row || parsed.row.externalId !== undefined) return parsed;
    const { occurredOn, amountMinor, direction, payee, memo } = parsed.row;
    const content = [context(parsed, index), occurredOn, amountMinor, direction, payee, memo].join(
      '\u001f',
    );
    const occurrence = seen.get(content) ?? 0;
    seen.set(content, occurrence + 1);
    const hash = createHash('sha256').update(`${content}\u001f${occurrence}`).digest('hex');
    return { ...parsed, row: { ...parsed.row, externalId: `${prefix}:${hash.slice(0, 32)}` } };
  });
}
