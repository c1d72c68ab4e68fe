/**
 * The receipt parser's contract (domain.md §7): OCR lines in, structured fields out, each with a
 * confidence in [0, 1]. Amounts are integer minor units of the detected (or default) currency.
 */
import type { CurrencyCode } from '../money/currencies';

/** One line of OCR text, top to bottom, with the engine's confidence when the provider gives one. */
export interface ReceiptLine {
  readonly text: string;
  readonly confidence?: number;
}

/** What the parser needs to know about the person. */
export interface ParseReceiptOptions {
  /** BCP 47 locale deciding ambiguous day/month order and decimal separators, e.g. "en-GB". */
  readonly locale: string;
  /** The person's budget currency, used when the receipt names none. */
  readonly defaultCurrency: CurrencyCode;
}

/** A parsed value with the parser's confidence in it; `value` is null when not found. */
export interface ReceiptField<T> {
  readonly value: T | null;
  readonly confidence: number;
}

export interface ReceiptItem {
  readonly description: string;
  readonly amountMinor: number;
  readonly quantity: number | null;
}

export type ReceiptFieldName = 'merchant' | 'date' | 'currency' | 'total' | 'tax' | 'category';

export interface ParsedReceipt {
  readonly merchant: ReceiptField<string>;
  /** Local calendar date `YYYY-MM-DD`; null ("unknown") when the receipt shows none — never today. */
  readonly date: ReceiptField<string>;
  readonly currency: ReceiptField<CurrencyCode>;
  /** Total in minor units of `currency.value ?? defaultCurrency`. */
  readonly total: ReceiptField<number>;
  readonly tax: ReceiptField<number>;
  readonly items: readonly ReceiptItem[];
  /** A canonical category id (engine/src/categories/taxonomy.ts). */
  readonly category: ReceiptField<string>;
  /** Fields whose confidence is below REVIEW_THRESHOLD, for the review screen to highlight. */
  readonly needsReview: readonly ReceiptFieldName[];
}

/** Fields under this confidence are flagged for review (domain.md §7). */
export const REVIEW_THRESHOLD = 0.6;
