/**
 * Spending per (day, category) from the ledger. Only `expense` counts; `income` and `transfer`
 * never are spending. Transactions of other months are skipped; in the month, non-fixed spending
 * dated before a mid-month plan's first day is not charged (the plan did not exist yet), while
 * fixed spending is kept because bills are monthly.
 */
import { EngineError } from '../errors';
import type { Layout } from './layout';
import type { LedgerTransaction } from './types';

function invalid(index: number, reason: string, tx: LedgerTransaction): EngineError {
  return new EngineError('TRANSACTION_INVALID', `Transaction ${index} is not valid: ${reason}`, {
    index,
    id: tx.id ?? null,
  });
}

function hasDateShape(text: unknown): boolean {
  if (typeof text !== 'string' || text.length !== 10) return false;
  for (let i = 0; i < 10; i += 1) {
    const code = text.charCodeAt(i);
    const isDash = i === 4 || i === 7;
    if (isDash ? code !== 45 : code < 48 || code > 57) return false;
  }
  return true;
}

function otherCurrency(tx: LedgerTransaction, index: number, currency: string): EngineError {
  return new EngineError(
    'CURRENCY_MISMATCH',
    `Transaction ${index} is in ${String(tx.currency)}, the plan in ${currency}`,
    { index, id: tx.id ?? null, currency: String(tx.currency), planCurrency: currency },
  );
}

/**
 * Day of month of `date` if it is in the month (it sorts between `low` = "YYYY-MM-" and `high` =
 * "YYYY-MM." — '.' follows '-' in ASCII), 0 for another month, −1 for a malformed day. Two string
 * comparisons cost less than a `startsWith` call or eight `charCodeAt` checks in this loop.
 */
function dayInMonth(date: string, low: string, high: string): number {
  if (date < low || date >= high) return 0;
  const tens = date.charCodeAt(8) - 48;
  const units = date.charCodeAt(9) - 48;
  if (date.length !== 10 || tens < 0 || tens > 9 || units < 0 || units > 9) return -1;
  return tens * 10 + units;
}

/** Whether a transaction is spending; throws for a direction that is none of the three. */
function isExpense(tx: LedgerTransaction, index: number): boolean {
  const direction = tx.direction;
  if (direction === 'expense') return true;
  if (direction !== 'income' && direction !== 'transfer') throw invalid(index, 'direction', tx);
  return false;
}

/**
 * Adds every expense of the plan's month into `spent`; returns the category ids the layout does
 * not know (their spending is not added: the caller re-lays the plan with them and calls again).
 */
export function aggregateSpending(
  layout: Layout,
  transactions: readonly LedgerTransaction[],
  spent: Float64Array,
): Set<string> | undefined {
  const { plan, count, days, index, isFixed } = layout;
  const { currency, firstDay } = plan;
  const low = `${plan.month}-`;
  const high = `${plan.month}.`;
  let unknown: Set<string> | undefined;
  for (let i = 0; i < transactions.length; i += 1) {
    const tx = transactions[i] as LedgerTransaction;
    if (!isExpense(tx, i)) continue;
    const amount = tx.amountMinor;
    if (!Number.isSafeInteger(amount) || amount < 0) throw invalid(i, 'amount', tx);
    if (tx.currency !== undefined && tx.currency !== currency) throw otherCurrency(tx, i, currency);
    const date = tx.bookedOn;
    const day = typeof date === 'string' ? dayInMonth(date, low, high) : -1;
    if (day === 0) {
      // Another month: skipped, but it must still be a well-formed date.
      if (!hasDateShape(date)) throw invalid(i, 'bookedOn', tx);
      continue;
    }
    if (day < 1 || day > days) throw invalid(i, 'bookedOn', tx);
    const c = index.get(tx.categoryId);
    if (c === undefined) {
      (unknown ??= new Set()).add(tx.categoryId);
      continue;
    }
    if (day < firstDay && isFixed[c] === 0) continue;
    const cell = (day - 1) * count + c;
    const total = (spent[cell] ?? 0) + amount;
    if (total > Number.MAX_SAFE_INTEGER) throw invalid(i, 'spending passes 2^53', tx);
    spent[cell] = total;
  }
  return unknown;
}
