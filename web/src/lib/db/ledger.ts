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

/** Per month, how much each day|category|currency sum moves for these before/after pairs. */
function ledgerDeltas(
  changes: readonly {
    before: TransactionRecord | undefined;
    after: TransactionRecord | undefined;
  }[],
): Map<string, Map<string, number>> {
  const deltas = new Map<string, Map<string, number>>();
  const add = (t: TransactionRecord, sign: 1 | -1) => {
    const month = t.bookedOn.slice(0, 7);
    const sums = deltas.get(month) ?? new Map<string, number>();
    sums.set(keyOf(t), (sums.get(keyOf(t)) ?? 0) + sign * t.amountMinor);
    deltas.set(month, sums);
  };
  for (const { before, after } of changes) {
    if (counts(before)) add(before, -1);
    if (counts(after)) add(after, 1);
  }
  return deltas;
}

function applyDeltas(sums: Record<string, number>, deltas: ReadonlyMap<string, number>) {
  const next = { ...sums };
  for (const [key, delta] of deltas) {
    const value = (next[key] ?? 0) + delta;
    if (value === 0) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Moves a transaction's contribution from `before` to `after` (either may be absent). */
export async function applyLedgerChange(
  ledger: PaceDatabase['ledger'],
  before: TransactionRecord | undefined,
  after: TransactionRecord | undefined,
): Promise<void> {
  for (const [month, deltas] of ledgerDeltas([{ before, after }])) {
    const row = (await ledger.get(month)) ?? { month, sums: {} };
    await ledger.put({ month, sums: applyDeltas(row.sums, deltas) });
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

/**
 * Writes many transaction rows at once (a page of pulled changes; undefined removes), the month
 * ledgers updated once per month: a first sync of a long history stays a few bulk writes.
 */
export async function saveTransactions(
  db: PaceDatabase,
  writes: ReadonlyMap<string, TransactionRecord | undefined>,
): Promise<void> {
  if (writes.size === 0) return;
  const ids = [...writes.keys()];
  const befores = await db.transactions.bulkGet(ids);
  const puts: TransactionRecord[] = [];
  const deletes: string[] = [];
  const changes: { before: TransactionRecord | undefined; after: TransactionRecord | undefined }[] =
    [];
  ids.forEach((id, index) => {
    const after = writes.get(id);
    if (after) puts.push(after);
    else deletes.push(id);
    changes.push({ before: befores[index], after });
  });
  await db.transactions.bulkPut(puts);
  await db.transactions.bulkDelete(deletes);
  const all = ledgerDeltas(changes);
  for (const [month, deltas] of all) {
    const row = (await db.ledger.get(month)) ?? { month, sums: {} };
    await db.ledger.put({ month, sums: applyDeltas(row.sums, deltas) });
  }
}
