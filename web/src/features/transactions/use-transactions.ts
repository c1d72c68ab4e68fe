'use client';

import { matchesTags, type TagMatch } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase, type TransactionRecord } from '@/lib/db';
import { matchesBookedBy, type BookedByFilter } from '@/features/households';

export interface TransactionFilters {
  text: string;
  categoryId: string;
  from: string;
  to: string;
  /** Minor units, or null for no bound. */
  minMinor: number | null;
  maxMinor: number | null;
  /** In the merchant only. */
  payee?: string;
  /** In the note (the API's description) only. */
  note?: string;
  /** Normalised tags, combined as `tagMatch` says (any by default); none filters nothing. */
  tags?: readonly string[];
  tagMatch?: TagMatch;
  /** In a household budget: only what this member booked. */
  bookedBy?: BookedByFilter | null;
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
  if (f.payee && !contains(t.merchant, f.payee)) return false;
  if (f.note && !contains(t.note, f.note)) return false;
  if (!matchesBookedBy(t, f.bookedBy)) return false;
  return matchesTags(t.tags, f.tags ?? [], f.tagMatch);
}

/** Case-insensitive substring, as the server's search compares. */
function contains(value: string | null, needle: string): boolean {
  return (value ?? '').toLowerCase().includes(needle.toLowerCase());
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
