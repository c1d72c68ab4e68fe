import type { PaceDatabase } from './pace-database';
import type { LedgerRecord, TransactionRecord } from './records';

/**
 * The month ledger the engine reads: live expenses summed per (day, category, currency), one row
 * per month, kept up to date on every write of a transaction. The engine only ever adds expenses
 * up per day and category (the server reads its ledger the same way), so Today and the month are
 * computed from one small row instead of every transaction of the month.
 */

const keyOf = (t: TransactionRecord) => `${t.bookedOn}|${t.categoryId}|${t.currency}`;
const counts = (t: TransactionRecord | undefined): t is TransactionRecord =>
  t !== undefined && !t.deletedAt && t.direction === 'expense';

/** Moves a transaction's contribution from `before` to `after` (either may be absent). */
export async function applyLedgerChange(
  ledger: PaceDatabase['ledger'],
  before: TransactionRecord | undefined,
  after: TransactionRecord | undefined,
): Promise<void> {
  const deltas = new Map<string, Map<string, number>>();
  const add = (t: TransactionRecord, sign: 1 | -1) => {
    const month = t.bookedOn.slice(0, 7);
    const sums = deltas.get(month) ?? new Map<string, number>();
    sums.set(keyOf(t), (sums.get(keyOf(t)) ?? 0) + sign * t.amountMinor);
    deltas.set(month, sums);
  };
  if (counts(before)) add(before, -1);
  if (counts(after)) add(after, 1);
  for (const [month, changes] of deltas) {
    const row = (await ledger.get(month)) ?? { month, sums: {} };
    const sums = { ...row.sums };
    for (const [key, delta] of changes) {
      const next = (sums[key] ?? 0) + delta;
      if (next === 0) delete sums[key];
      else sums[key] = next;
    }
    await ledger.put({ month, sums });
  }
}

/** The ledger rows of every month, built from the transactions (an upgrade, a repair). */
export function ledgerOf(transactions: readonly TransactionRecord[]): LedgerRecord[] {
  const months = new Map<string, Record<string, number>>();
  for (const t of transactions) {
    if (!counts(t)) continue;
    const month = t.bookedOn.slice(0, 7);
    const sums = months.get(month) ?? {};
    sums[keyOf(t)] = (sums[keyOf(t)] ?? 0) + t.amountMinor;
    months.set(month, sums);
  }
  return [...months].map(([month, sums]) => ({ month, sums }));
}

/** The engine's ledger entries of one month row. */
export function ledgerEntriesOf(row: LedgerRecord | undefined) {
  if (!row) return [];
  return Object.entries(row.sums).map(([key, amountMinor]) => {
    const [bookedOn = '', categoryId = '', currency = ''] = key.split('|');
    return { bookedOn, categoryId, currency, amountMinor, direction: 'expense' as const };
  });
}

/**
 * Writes a transaction row (or removes it when `next` is undefined) and keeps the month ledger
 * in step; call inside a transaction that includes `transactions` and `ledger`.
 */
export async function saveTransaction(
  db: PaceDatabase,
  id: string,
  next: TransactionRecord | undefined,
): Promise<void> {
  const before = await db.transactions.get(id);
  if (next) await db.transactions.put(next);
  else await db.transactions.delete(id);
  await applyLedgerChange(db.ledger, before, next);
}
