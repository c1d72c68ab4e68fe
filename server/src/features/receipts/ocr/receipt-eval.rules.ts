/**
 * Scoring of the receipt evaluation (npm run receipts:eval): a parsed receipt against a SROIE-style
 * label `{ company, date, total }`. Merchant: exact after upper-casing and ignoring whitespace (and,
 * stricter, after collapsing it); date: the same calendar date; total: the same amount to the cent.
 */
import { findReceiptAmounts, findReceiptDates, type ParsedReceipt } from '@pace/engine';

export interface Label {
  readonly company: string;
  readonly date: string;
  readonly total: string;
}

export interface ReceiptScore {
  readonly merchant: boolean;
  readonly merchantStrict: boolean;
  readonly date: boolean;
  readonly total: boolean;
  readonly seconds: number;
}

interface Options {
  readonly locale: string;
  readonly defaultCurrency: string;
}

const withoutSpaces = (text: string) => text.toUpperCase().replace(/\s+/g, '');
const collapsed = (text: string) => text.toUpperCase().replace(/\s+/g, ' ').trim();

/** Scores one parsed receipt against its label. */
export function scoreReceipt(
  parsed: ParsedReceipt,
  label: Label,
  options: Options,
): Omit<ReceiptScore, 'seconds'> {
  const merchant = parsed.merchant.value ?? '';
  const labelDate = findReceiptDates(label.date, options.locale)[0]?.iso;
  const currency = parsed.currency.value ?? options.defaultCurrency;
  const labelTotal = findReceiptAmounts(label.total, currency, options.locale)[0]?.minor;
  return {
    merchant: merchant !== '' && withoutSpaces(merchant) === withoutSpaces(label.company),
    merchantStrict: merchant !== '' && collapsed(merchant) === collapsed(label.company),
    date: labelDate !== undefined && parsed.date.value === labelDate,
    total: labelTotal !== undefined && parsed.total.value === labelTotal,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Share of receipts right per field (0..1, two decimals) and the median seconds per receipt. */
export function summarise(scores: readonly ReceiptScore[]) {
  const share = (pick: (score: ReceiptScore) => boolean) =>
    scores.length === 0 ? 0 : Math.round((scores.filter(pick).length / scores.length) * 100) / 100;
  return {
    merchant: share((score) => score.merchant),
    merchantStrict: share((score) => score.merchantStrict),
    date: share((score) => score.date),
    total: share((score) => score.total),
    medianSeconds: Math.round(median(scores.map((score) => score.seconds)) * 100) / 100,
  };
}
