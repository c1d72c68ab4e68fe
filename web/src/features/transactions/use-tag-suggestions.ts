'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase } from '@/lib/db';

/**
 * Every tag on this device's transactions, alphabetically, for autocomplete: read from the
 * multi-entry `tags` index, so it works offline and costs one index walk, not a table scan.
 */
export function useTagSuggestions(): readonly string[] {
  return (
    useLiveQuery(async () => {
      const keys = await paceDatabase().transactions.orderBy('tags').uniqueKeys();
      return keys.filter((key): key is string => typeof key === 'string');
    }, []) ?? []
  );
}
