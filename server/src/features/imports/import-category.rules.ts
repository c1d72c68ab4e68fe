import {
  BILL_CATEGORY_PREFIX,
  FLEX_CATEGORY_ID,
  GOAL_CATEGORY_PREFIX,
  findCategory,
  resolveCategoryId,
} from '@pace/engine';

/** One of the user's own categories, as a file line may name it. */
export interface OwnCategory {
  id: string;
  name: string;
}

/**
 * The category id a file line's category cell names, or null when it names none: a built-in id,
 * a bill or goal id, one of the user's own categories by id or by name (case and surrounding
 * spaces ignored), else a built-in name or alias. An empty cell is Flex.
 */
export function categoryResolver(
  own: readonly OwnCategory[],
): (given: string | undefined) => string | null {
  const ownIds = new Set(own.map((category) => category.id));
  const ownByName = new Map<string, string>();
  // Two own categories with one name: the older one (the list comes oldest first) wins.
  for (const { id, name } of own) {
    const key = nameKey(name);
    if (!ownByName.has(key)) ownByName.set(key, id);
  }
  const cache = new Map<string, string | null>();
  return (given) => {
    if (given === undefined || given.trim() === '') return FLEX_CATEGORY_ID;
    let resolved = cache.get(given);
    if (resolved === undefined) {
      const id = given.trim();
      const isKnownId =
        findCategory(id) !== undefined ||
        ownIds.has(id) ||
        id.startsWith(BILL_CATEGORY_PREFIX) ||
        id.startsWith(GOAL_CATEGORY_PREFIX);
      resolved = isKnownId ? id : (ownByName.get(nameKey(id)) ?? resolveCategoryId(id) ?? null);
      cache.set(given, resolved);
    }
    return resolved;
  };
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}
