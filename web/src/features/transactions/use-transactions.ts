'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase, type TransactionRecord } from '@/lib/db';

export interface TransactionFilters {
  text: string;
  categoryId: string;
  from: string;
  to: string;
  /** Minor units, or null for no bound. */
  minMinor: number | null;
  maxMinor: number | null;
}

export const NO_FILTERS: TransactionFilters = {
  text: '',
  categoryId: '',
  from: '',
  to: '',
  minMinor: null,
  maxMinor: null,
};

export function matches(t: TransactionRecord, f: TransactionFilters): boolean {
  if (t.deletedAt) return false;
  if (f.categoryId && t.categoryId !== f.categoryId) return false;
  if (f.from && t.bookedOn < f.from) return false;
  if (f.to && t.bookedOn > f.to) return false;
  if (f.minMinor !== null && t.amountMinor < f.minMinor) return false;
  if (f.maxMinor !== null && t.amountMinor > f.maxMinor) return false;
  if (f.text) {
    const needle = f.text.toLocaleLowerCase();
    const hay = `${t.note ?? ''} ${t.merchant ?? ''}`.toLocaleLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/**
 * The first `limit` transactions matching the filters, newest day first, read from the device
 * (the whole ledger is mirrored), and whether more match.
 */
export function useTransactions(filters: TransactionFilters, limit: number) {
  return useLiveQuery(async () => {
    const rows = await paceDatabase()
      .transactions.orderBy('bookedOn')
      .reverse()
      .filter((t) => matches(t, filters))
      .limit(limit + 1)
      .toArray();
    rows.sort((a, b) =>
      a.bookedOn === b.bookedOn
        ? b.occurredAt.localeCompare(a.occurredAt)
        : b.bookedOn.localeCompare(a.bookedOn),
    );
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
  }, [filters, limit]);
}

/** Groups rows (already newest first) by their local day. */
export function groupByDay(rows: readonly TransactionRecord[]) {
  const groups: { day: string; rows: TransactionRecord[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.day === row.bookedOn) last.rows.push(row);
    else groups.push({ day: row.bookedOn, rows: [row] });
  }
  return groups;
}
