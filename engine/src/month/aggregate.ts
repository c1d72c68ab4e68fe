/**
 * Spending per (day, category) from the ledger. Only `expense` counts; `income` and `transfer`
 * never are spending. Transactions of other months are skipped; in the month, non-fixed spending
 * dated before a mid-month plan's first day is not charged (the plan did not exist yet), while
 * fixed spending is kept because bills are monthly.
 */
import { EngineError } from '../errors';
import { FIXED, type Layout } from './layout';
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

function check(tx: LedgerTransaction, index: number, currency: string): void {
  const amount = tx.amountMinor;
  if (!Number.isSafeInteger(amount) || amount < 0) throw invalid(index, 'amount', tx);
  if (!hasDateShape(tx.bookedOn)) throw invalid(index, 'bookedOn', tx);
  if (tx.currency !== undefined && tx.currency !== currency) {
    throw new EngineError(
      'CURRENCY_MISMATCH',
      `Transaction ${index} is in ${tx.currency}, the plan in ${currency}`,
      {
        index,
        id: tx.id ?? null,
        currency: tx.currency,
        planCurrency: currency,
      },
    );
  }
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
  const { plan, count, days, index, behaviour } = layout;
  const prefix = `${plan.month}-`;
  let unknown: Set<string> | undefined;
  for (let i = 0; i < transactions.length; i += 1) {
    const tx = transactions[i] as LedgerTransaction;
    if (tx.direction !== 'expense') {
      if (tx.direction !== 'income' && tx.direction !== 'transfer')
        throw invalid(i, 'direction', tx);
      continue;
    }
    check(tx, i, plan.currency);
    const date = tx.bookedOn;
    if (!date.startsWith(prefix)) continue;
    const day = (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48;
    if (day < 1 || day > days) throw invalid(i, 'bookedOn', tx);
    const c = index.get(tx.categoryId);
    if (c === undefined) {
      (unknown ??= new Set()).add(tx.categoryId);
      continue;
    }
    if (day < plan.firstDay && behaviour[c] !== FIXED) continue;
    const cell = (day - 1) * count + c;
    const total = (spent[cell] ?? 0) + tx.amountMinor;
    if (total > Number.MAX_SAFE_INTEGER) throw invalid(i, 'spending passes 2^53', tx);
    spent[cell] = total;
  }
  return unknown;
}
