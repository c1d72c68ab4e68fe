import { formatDecimal, parseDecimal, type ParsedReceipt } from '@pace/engine';
import type { ReceiptFields } from './receipts.operations';

export type DraftFieldName = 'merchant' | 'date' | 'currency' | 'total' | 'category';

/** What the review screen edits: the read values as text, and which of them need a look. */
export interface ReceiptDraft {
  merchant: string;
  date: string;
  currency: string;
  /** The total as an exact decimal ("12.50"), empty when not read. */
  amount: string;
  categoryId: string;
  review: ReadonlySet<DraftFieldName>;
  /** Confidence per field, 0..1. */
  confidence: Readonly<Record<DraftFieldName, number>>;
}

const FIELDS: readonly DraftFieldName[] = ['merchant', 'date', 'currency', 'total', 'category'];

/** The draft of a receipt read on this device by the engine's parser. */
export function draftOfParsed(parsed: ParsedReceipt, defaultCurrency: string): ReceiptDraft {
  const currency = parsed.currency.value ?? defaultCurrency;
  return {
    merchant: parsed.merchant.value ?? '',
    date: parsed.date.value ?? '',
    currency,
    amount: parsed.total.value === null ? '' : formatDecimal(parsed.total.value, currency),
    categoryId: parsed.category.value ?? '',
    review: new Set(parsed.needsReview.filter((f): f is DraftFieldName => f !== 'tax')),
    confidence: {
      merchant: parsed.merchant.confidence,
      date: parsed.date.confidence,
      currency: parsed.currency.confidence,
      total: parsed.total.confidence,
      category: parsed.category.confidence,
    },
  };
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The draft of a receipt the server read. */
export function draftOfReceipt(receipt: ReceiptFields, defaultCurrency: string): ReceiptDraft {
  const currency =
    text(receipt.currencyRead?.value) || text(receipt.total?.value?.currency) || defaultCurrency;
  const field = (name: DraftFieldName) =>
    name === 'currency' ? receipt.currencyRead : receipt[name];
  return {
    merchant: text(receipt.merchant?.value),
    date: text(receipt.date?.value),
    currency,
    amount: text(receipt.total?.value?.amount),
    categoryId: text(receipt.category?.value),
    review: new Set(FIELDS.filter((name) => field(name)?.needsReview ?? true)),
    confidence: Object.fromEntries(
      FIELDS.map((name) => [name, field(name)?.confidence ?? 0]),
    ) as Record<DraftFieldName, number>,
  };
}

/** The amount typed in minor units, or null when it is not a positive amount. */
export function draftAmountMinor(amount: string, currency: string): number | null {
  try {
    const minor = parseDecimal(amount.trim(), currency);
    return minor > 0 ? minor : null;
  } catch {
    return null;
  }
}
