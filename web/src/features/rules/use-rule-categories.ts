'use client';

import { CATEGORY_TAXONOMY } from '@pace/engine';
import { useCategoryLabel } from '@/lib/budget/category-label';
import {
  useCategoryNames,
  useCategoryOptions,
  type CategoryOption,
} from '@/lib/budget/use-category-options';

/**
 * Every category a rule may set: the plan's and the person's own, then the other built-in ones
 * (a rule may name a category this month's plan has no money for).
 */
export function useRuleCategories(): { options: CategoryOption[]; nameOf: (id: string) => string } {
  const planned = useCategoryOptions();
  const names = useCategoryNames();
  const label = useCategoryLabel();
  const known = new Set(planned.map((option) => option.id));
  const builtIn = CATEGORY_TAXONOMY.filter((category) => !known.has(category.id)).map(
    (category) => ({ id: category.id, name: label(category.id, category.name) }),
  );
  const all = [...planned, ...builtIn];
  const byId = new Map(all.map((option) => [option.id, option.name]));
  return { options: all, nameOf: (id) => names.get(id) ?? byId.get(id) ?? id };
}
