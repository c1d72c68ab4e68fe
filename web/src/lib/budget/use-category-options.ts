'use client';

import type { Plan } from '@pace/engine';
import { useLiveQuery } from 'dexie-react-hooks';
import { paceDatabase } from '@/lib/db';
import { useCategoryLabel } from './category-label';

export interface CategoryOption {
  id: string;
  name: string;
}

/** Categories to book on: the latest plan's, then the person's own. */
export function useCategoryOptions(): CategoryOption[] {
  const label = useCategoryLabel();
  const options = useLiveQuery(
    async () => {
      const db = paceDatabase();
      const [latest, own] = await Promise.all([
        db.plan.orderBy('month').last(),
        db.categories.toArray(),
      ]);
      const seen = new Set<string>();
      const options: CategoryOption[] = [];
      const planCategories = (latest?.plan as Plan | undefined)?.categories ?? [];
      for (const c of [...planCategories, ...own]) {
        if (seen.has(c.id) || c.id.startsWith('goal:')) continue;
        seen.add(c.id);
        options.push({ id: c.id, name: c.name });
      }
      return options;
    },
    [],
    [],
  );
  return options.map((o) => ({ id: o.id, name: label(o.id, o.name) }));
}

/** Display names of every category a transaction may be on, goals included. */
export function useCategoryNames(): ReadonlyMap<string, string> {
  const options = useCategoryOptions();
  const goals = useLiveQuery(() => paceDatabase().goals.toArray(), [], []);
  const names = new Map(options.map((o) => [o.id, o.name]));
  for (const goal of goals) names.set(goal.categoryId, goal.name);
  return names;
}
