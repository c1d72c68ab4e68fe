/**
 * Lookup, alias resolution, ordering and user-made categories over the canonical taxonomy.
 * User-made categories default to `spread` / `flexible` (domain §2); their ids may not take a
 * built-in id or the engine's reserved prefixes (`goal:` for goal reservations, `bill:` for bills
 * that match no built-in category), and they cannot be `buffer` (there is one Flex).
 */
import { EngineError } from '../errors';
import {
  CATEGORY_TAXONOMY,
  type CategoryBehaviour,
  type CategoryDefinition,
  type CategoryPriority,
} from './taxonomy';

/** Processing rank of each priority: sacred first, Flex last (it is the buffer everyone draws on). */
export const PRIORITY_RANK: Readonly<Record<CategoryPriority, number>> = {
  sacred: 0,
  protected: 1,
  flexible: 2,
  discretionary: 3,
  buffer: 4,
};

/** Id prefix of goal reservation categories (`goal:<goal id>`). */
export const GOAL_CATEGORY_PREFIX = 'goal:';
/** Id prefix of bill categories that match no built-in id (`bill:<slug>`). */
export const BILL_CATEGORY_PREFIX = 'bill:';

const byId = new Map(CATEGORY_TAXONOMY.map((category) => [category.id, category]));
let byAlias: Map<string, string> | undefined;

/** Lower-cases, strips accents and punctuation: "Cafés & Restaurants!" → "cafes restaurants". */
export function normaliseCategoryName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function aliasTable(): Map<string, string> {
  if (byAlias === undefined) {
    byAlias = new Map();
    for (const category of CATEGORY_TAXONOMY) {
      byAlias.set(normaliseCategoryName(category.id), category.id);
      byAlias.set(normaliseCategoryName(category.name), category.id);
      for (const alias of category.aliases) byAlias.set(normaliseCategoryName(alias), category.id);
    }
  }
  return byAlias;
}

/** Returns the built-in category with this id, or undefined. */
export function findCategory(id: string): CategoryDefinition | undefined {
  return byId.get(id);
}

/** Returns the built-in category with this id; throws CATEGORY_UNKNOWN. */
export function getCategory(id: string): CategoryDefinition {
  const category = byId.get(id);
  if (category === undefined) {
    throw new EngineError('CATEGORY_UNKNOWN', `Unknown category "${id}"`, { id });
  }
  return category;
}

/** Resolves an id, name or alias to a built-in id (`"food"` → `"groceries"`), or undefined. */
export function resolveCategoryId(nameOrAlias: string): string | undefined {
  const key = normaliseCategoryName(nameOrAlias);
  const table = aliasTable();
  // A plain English plural is the commonest miss ("taxi" vs "taxis", "bills" vs "bill").
  return table.get(key) ?? (key.endsWith('s') ? table.get(key.slice(0, -1)) : undefined);
}

/** Compares two categories in processing order: priority rank, then id by code unit. */
export function compareCategoryOrder(
  a: Pick<CategoryDefinition, 'id' | 'priority'>,
  b: Pick<CategoryDefinition, 'id' | 'priority'>,
): number {
  const rank = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (rank !== 0) return rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Input of a user-made category. */
export interface UserCategoryInput {
  readonly id: string;
  readonly name: string;
  readonly behaviour?: CategoryBehaviour;
  readonly priority?: Exclude<CategoryPriority, 'buffer'>;
}

const USER_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Validates a user-made category and fills its defaults (spread, flexible). */
export function createUserCategory(input: UserCategoryInput): CategoryDefinition {
  const { id } = input;
  const isReserved = id.startsWith(GOAL_CATEGORY_PREFIX) || id.startsWith(BILL_CATEGORY_PREFIX);
  if (!USER_ID_RE.test(id) || byId.has(id) || isReserved) {
    throw new EngineError('CATEGORY_INVALID', `"${id}" cannot be used as a category id`, { id });
  }
  if ((input.priority as CategoryPriority | undefined) === 'buffer') {
    throw new EngineError('CATEGORY_INVALID', 'Only Flex is the buffer category', { id });
  }
  if (input.name.trim().length === 0) {
    throw new EngineError('CATEGORY_INVALID', 'A category needs a name', { id });
  }
  return {
    id,
    name: input.name.trim(),
    behaviour: input.behaviour ?? 'spread',
    priority: input.priority ?? 'flexible',
    isBuiltIn: false,
    aliases: [],
  };
}
