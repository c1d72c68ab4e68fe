'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase, type SplitRecord, type TransactionRecord } from '@/lib/db';
import { readSplit } from './split-sync';

export interface SplitView {
  /** The split as mirrored; absent until its SPLIT change arrives (the parts may come first). */
  record: SplitRecord | undefined;
  /** The live parts, in the order entered. */
  parts: TransactionRecord[];
  totalMinor: number;
  currency: string;
}

/** A split and its live parts, from the device (works offline). */
export function useSplit(splitId: string): SplitView | undefined {
  return useLiveQuery(async () => {
    const db = paceDatabase();
    const [record, rows] = await Promise.all([
      readSplit(db, splitId),
      db.transactions.where('splitId').equals(splitId).toArray(),
    ]);
    const live = rows.filter((row) => !row.deletedAt);
    const order = record?.partIds ?? [];
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    const parts = [...live].sort((a, b) => rank(a.id) - rank(b.id));
    return {
      record,
      parts,
      totalMinor: record?.totalMinor ?? parts.reduce((sum, part) => sum + part.amountMinor, 0),
      currency: record?.currency ?? parts[0]?.currency ?? 'USD',
    };
  }, [splitId]);
}
