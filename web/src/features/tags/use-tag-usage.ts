'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase } from '@/lib/db';

export interface TagUsage {
  tag: string;
  /** Live (not deleted) transactions on this device that carry it. */
  transactionCount: number;
}

export type TagOrder = 'usage' | 'name';

/** Most used first, then by name; or by name alone (in the person's language). */
export function sortTagUsage(
  usages: readonly TagUsage[],
  order: TagOrder,
  collator: Intl.Collator,
): TagUsage[] {
  return [...usages].sort((a, b) =>
    order === 'usage' && a.transactionCount !== b.transactionCount
      ? b.transactionCount - a.transactionCount
      : collator.compare(a.tag, b.tag),
  );
}

/**
 * Every tag on this device's live transactions with how many carry it, read by walking the
 * multi-entry `tags` index (only tagged rows are visited), so it works offline; undefined while
 * loading.
 */
export function useTagUsage(): TagUsage[] | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    await paceDatabase()
      .transactions.orderBy('tags')
      .each((record, cursor) => {
        if (record.deletedAt || typeof cursor.key !== 'string') return;
        counts.set(cursor.key, (counts.get(cursor.key) ?? 0) + 1);
      });
    return [...counts].map(([tag, transactionCount]) => ({ tag, transactionCount }));
  }, []);
}
