/**
 * The receipt parser (domain §7): OCR lines in, merchant, date, currency, total, tax, items and a
 * category out, each with a confidence. Pure: the server and the PWA run the same code.
 */
import { isCurrencyCode } from '../money/currencies';
import { lastPrice } from './receipt-amounts';
import { pickCategory } from './receipt-category';
import { detectCurrency } from './receipt-currency';
import { findDates } from './receipt-dates';
import { compactText, isNoiseLine, lineRole } from './receipt-labels';
import { pickMerchant } from './receipt-merchant';
import { pickTotal, type ClassifiedLine } from './receipt-total';
import {
  REVIEW_THRESHOLD,
  type ParseReceiptOptions,
  type ParsedReceipt,
  type ReceiptField,
  type ReceiptFieldName,
  type ReceiptItem,
  type ReceiptLine,
} from './receipt-types';

interface Money {
  readonly currency: string;
  readonly locale: string;
}

function field<T>(value: T | null, confidence: number): ReceiptField<T> {
  return { value, confidence: value === null ? 0 : Math.round(confidence * 100) / 100 };
}

function classify(texts: readonly string[]): ClassifiedLine[] {
  let isInSummary = false;
  return texts.map((text) => {
    const role = lineRole(text);
    if (role === 'summary-heading') isInSummary = true;
    return { text, role, isInSummary };
  });
}

const DATE_LABEL = /date|datum|fecha|data|dt\b|日付|日期/i;

function pickDate(texts: readonly string[], locale: string): ReceiptField<string> {
  const found = texts.flatMap((text) =>
    findDates(text, locale).map((date) => ({ ...date, isLabelled: DATE_LABEL.test(text) })),
  );
  const chosen = found.find((date) => date.isLabelled) ?? found[0];
  if (chosen === undefined) return field<string>(null, 0);
  const others = new Set(found.map((date) => date.iso)).size > 1;
  let confidence = chosen.isLabelled ? 0.95 : others ? 0.7 : 0.85;
  if (chosen.isAmbiguous) confidence -= 0.15;
  return field(chosen.iso, confidence);
}

function quantityOf(text: string): number | null {
  const match =
    /(?:^|\s)(\d{1,3})\s?[xX@*](?=\s|\d)/.exec(text) ?? /^(\d{1,3})\s+\p{L}/u.exec(text);
  return match === null ? null : Number(match[1]);
}

/** Priced lines above the first summary line that are not header noise (domain §7). */
function findItems(lines: readonly ClassifiedLine[], money: Money): ReceiptItem[] {
  const firstSummary = lines.findIndex((line) => line.role !== 'other' && line.role !== 'tax');
  const end = firstSummary === -1 ? lines.length : firstSummary;
  const items: ReceiptItem[] = [];
  for (let index = 0; index < end; index += 1) {
    const line = lines[index];
    if (line === undefined || line.role !== 'other' || isNoiseLine(line.text)) continue;
    if (findDates(line.text, money.locale).length > 0) continue;
    const price = lastPrice(line.text, money.currency, money.locale);
    if (price === null || price.minor <= 0) continue;
    let description = line.text
      .slice(0, price.index)
      .replace(/[\d.,]+\s*$/g, '')
      .replace(/\b(RM|USD|EUR|GBP)\b|[$€£¥]/gi, '')
      .trim();
    const previous = lines[index - 1];
    if ((description.match(/\p{L}/gu) ?? []).length < 2 && previous !== undefined) {
      const isPreviousPriced = lastPrice(previous.text, money.currency, money.locale) !== null;
      if (!isPreviousPriced && !isNoiseLine(previous.text)) description = previous.text.trim();
    }
    if ((description.match(/\p{L}/gu) ?? []).length < 2) continue;
    items.push({ description, amountMinor: price.minor, quantity: quantityOf(line.text) });
  }
  return items;
}

function pickTax(lines: readonly ClassifiedLine[], money: Money): ReceiptField<number> {
  for (const line of lines) {
    if (line.role !== 'tax' || line.isInSummary) continue;
    if (/summary|invoice|reg|\bid\b|no\b/i.test(compactText(line.text).replace(/gst\d*%?/, ''))) {
      if (!/\d[.,]\d\d/.test(line.text)) continue;
    }
    const amount = lastPrice(line.text, money.currency, money.locale);
    if (amount !== null && amount.minor >= 0) return field(amount.minor, 0.7);
  }
  return field<number>(null, 0);
}

/** Parses OCR lines of a receipt into its fields, each with a confidence (domain §7). */
export function parseReceipt(
  lines: readonly ReceiptLine[],
  options: ParseReceiptOptions,
): ParsedReceipt {
  const texts = lines.map((line) => line.text.normalize('NFKC').trim()).filter(Boolean);
  const detected = detectCurrency(texts, options.defaultCurrency);
  const currencyCode =
    detected !== null && isCurrencyCode(detected.code) ? detected.code : options.defaultCurrency;
  const money: Money = { currency: currencyCode, locale: options.locale };
  const classified = classify(texts);

  const items = findItems(classified, money);
  const tax = pickTax(classified, money);
  const itemsSum = items.reduce((sum, item) => sum + item.amountMinor, 0);
  const sums =
    items.length === 0 ? null : { items: itemsSum, itemsPlusTax: itemsSum + (tax.value ?? 0) };
  const totalPick = pickTotal(classified, money, sums);
  const merchantPick = pickMerchant(texts);
  const categoryPick = pickCategory(
    merchantPick?.name ?? null,
    texts.slice(0, 6),
    items.map((item) => item.description),
  );

  const result = {
    merchant: field(merchantPick?.name ?? null, merchantPick?.confidence ?? 0),
    date: pickDate(texts, options.locale),
    currency: field(detected === null ? null : currencyCode, detected?.confidence ?? 0),
    total: field(totalPick?.minor ?? null, totalPick?.confidence ?? 0),
    tax,
    items,
    category: field(categoryPick?.id ?? null, categoryPick?.confidence ?? 0),
  };
  const names: ReceiptFieldName[] = ['merchant', 'date', 'currency', 'total', 'tax', 'category'];
  // A receipt naming no currency is in the person's currency: that is not a reason to review.
  const needsReview = names.filter(
    (name) =>
      result[name].confidence < REVIEW_THRESHOLD && !(name === 'currency' && detected === null),
  );
  return { ...result, needsReview };
}
