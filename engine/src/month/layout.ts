/**
 * The plan in the flat layout the month walk uses: categories in processing order, allocations
 * in one Float64Array indexed `[dayIndex * categoryCount + category]`, and the donor tiers.
 * A trusted plan (from generatePlan or preparePlan, frozen) is laid out once and cached.
 *
 * Decision: spending in a category the plan does not list gets a zero-allocation category, so its
 * overspend is covered like any other. Its behaviour and priority come from the settings'
 * categories, else the taxonomy, else the id prefix (`goal:` spread/sacred, `bill:` fixed/sacred),
 * else the user-category default (spread, flexible).
 */
import {
  BILL_CATEGORY_PREFIX,
  GOAL_CATEGORY_PREFIX,
  compareCategoryOrder,
  findCategory,
} from '../categories/categories';
import {
  FLEX_CATEGORY_ID,
  SAVINGS_CATEGORY_ID,
  type CategoryPriority,
} from '../categories/taxonomy';
import { EngineError } from '../errors';
import { checkPlan, isTrustedPlan } from '../plan/trusted-plan';
import { MAX_CATEGORIES } from './move-log';
import type { Plan } from '../plan/types';
import type { KnownCategory } from './types';

/** Numeric rank of `flexible` in the walk (same order as PRIORITY_RANK). */
export const FLEXIBLE = 2;
/** Numeric rank of `discretionary` in the walk. */
export const DISCRETIONARY = 3;

const PRIORITY_CODE: Record<CategoryPriority, number> = {
  sacred: 0,
  protected: 1,
  flexible: FLEXIBLE,
  discretionary: DISCRETIONARY,
  buffer: 4,
};

/** A category in the layout. */
export interface LaidCategory extends KnownCategory {
  readonly planMinor: number;
}

/** The flat layout of a plan. */
export interface Layout {
  readonly plan: Plan;
  readonly categories: readonly LaidCategory[];
  /** Category ids in processing order. */
  readonly ids: readonly string[];
  readonly count: number;
  readonly days: number;
  readonly index: ReadonlyMap<string, number>;
  readonly priority: Uint8Array;
  /** 1 for fixed categories (monthly). */
  readonly isFixed: Uint8Array;
  /** 1 for savings goals (`goal:` ids): what is booked on them is money put aside. */
  readonly isGoal: Uint8Array;
  /** 1 for categories whose underspend rolls over and that count for wins: not fixed, not sacred. */
  readonly isSpendable: Uint8Array;
  /** 1 for spendable categories the plan funds on every plan day (their rollover can be deferred). */
  readonly isDense: Uint8Array;
  /** The indices where `isDense` is 1. */
  readonly dense: Int32Array;
  /** Plan allocations, never mutated. */
  readonly base: Float64Array;
  /** Plan month amount per category, never mutated. */
  readonly planTotals: Float64Array;
  readonly flex: number;
  readonly savings: number;
  readonly discretionary: Int32Array;
  readonly flexible: Int32Array;
  readonly protected: Int32Array;
}

const cache = new WeakMap<Plan, Layout>();

/** Behaviour and priority of a category the plan does not list. */
export function describeExtra(id: string, known: readonly KnownCategory[]): KnownCategory {
  const fromSettings = known.find((category) => category.id === id);
  if (fromSettings !== undefined) return fromSettings;
  const builtIn = findCategory(id);
  if (builtIn !== undefined) return builtIn;
  if (id.startsWith(GOAL_CATEGORY_PREFIX))
    return { id, name: id, behaviour: 'spread', priority: 'sacred' };
  if (id.startsWith(BILL_CATEGORY_PREFIX))
    return { id, name: id, behaviour: 'fixed', priority: 'sacred' };
  return { id, name: id, behaviour: 'spread', priority: 'flexible' };
}

interface Laid {
  readonly categories: LaidCategory[];
  readonly sources: (readonly number[] | null)[];
}

function laidCategories(plan: Plan, extras: readonly KnownCategory[]): Laid {
  const rows: { category: LaidCategory; days: readonly number[] | null }[] = [];
  for (const c of plan.categories) {
    const { id, name, behaviour, priority } = c;
    rows.push({
      category: { id, name, behaviour, priority, planMinor: c.amountMinor },
      days: c.days,
    });
  }
  for (const { id, name, behaviour, priority } of extras) {
    rows.push({ category: { id, name, behaviour, priority, planMinor: 0 }, days: null });
  }
  // Generated plans are already in processing order; sorting is only needed otherwise.
  let isSorted = true;
  for (let i = 1; i < rows.length && isSorted; i += 1) {
    isSorted =
      compareCategoryOrder(
        (rows[i - 1] as (typeof rows)[number]).category,
        (rows[i] as (typeof rows)[number]).category,
      ) < 0;
  }
  if (!isSorted) rows.sort((a, b) => compareCategoryOrder(a.category, b.category));
  return { categories: rows.map((r) => r.category), sources: rows.map((r) => r.days) };
}

function isDenseOver(
  base: Float64Array,
  c: number,
  count: number,
  firstDay: number,
  days: number,
): boolean {
  for (let d = firstDay - 1; d < days; d += 1) if ((base[d * count + c] ?? 0) <= 0) return false;
  return true;
}

interface Flags {
  readonly priority: Uint8Array;
  readonly isFixed: Uint8Array;
  readonly isGoal: Uint8Array;
  readonly isSpendable: Uint8Array;
  readonly isDense: Uint8Array;
}

function flagsOf(categories: readonly LaidCategory[], base: Float64Array, plan: Plan): Flags {
  const count = categories.length;
  const flags: Flags = {
    priority: new Uint8Array(count),
    isFixed: new Uint8Array(count),
    isGoal: new Uint8Array(count),
    isSpendable: new Uint8Array(count),
    isDense: new Uint8Array(count),
  };
  categories.forEach((category, c) => {
    const isSpendable = category.behaviour !== 'fixed' && category.priority !== 'sacred';
    flags.priority[c] = PRIORITY_CODE[category.priority];
    flags.isFixed[c] = category.behaviour === 'fixed' ? 1 : 0;
    flags.isGoal[c] =
      category.id.startsWith(GOAL_CATEGORY_PREFIX) && category.behaviour !== 'fixed' ? 1 : 0;
    flags.isSpendable[c] = isSpendable ? 1 : 0;
    flags.isDense[c] =
      isSpendable && isDenseOver(base, c, count, plan.firstDay, plan.daysInMonth) ? 1 : 0;
  });
  return flags;
}

function tierOf(categories: readonly LaidCategory[], priority: CategoryPriority): Int32Array {
  const members: number[] = [];
  categories.forEach((category, c) => {
    if (category.priority === priority) members.push(c);
  });
  return Int32Array.from(members);
}

function buildLayout(plan: Plan, extras: readonly KnownCategory[]): Layout {
  const { categories, sources } = laidCategories(plan, extras);
  const count = categories.length;
  if (count > MAX_CATEGORIES) {
    throw new EngineError('PLAN_INVALID', `A month can hold at most ${MAX_CATEGORIES} categories`, {
      count,
    });
  }
  const days = plan.daysInMonth;
  const base = new Float64Array(days * count);
  const index = new Map<string, number>();
  categories.forEach((category, c) => {
    index.set(category.id, c);
    const source = sources[c];
    if (source !== null && source !== undefined)
      for (let d = 0; d < days; d += 1) base[d * count + c] = source[d] ?? 0;
  });
  const flags = flagsOf(categories, base, plan);
  return {
    plan,
    categories,
    ids: Object.freeze(categories.map((c) => c.id)),
    count,
    days,
    index,
    ...flags,
    dense: Int32Array.from(categories.flatMap((_, c) => (flags.isDense[c] === 1 ? [c] : []))),
    base,
    planTotals: Float64Array.from(categories, (c) => c.planMinor),
    flex: index.get(FLEX_CATEGORY_ID) ?? -1,
    savings: index.get(SAVINGS_CATEGORY_ID) ?? -1,
    discretionary: tierOf(categories, 'discretionary'),
    flexible: tierOf(categories, 'flexible'),
    protected: tierOf(categories, 'protected'),
  };
}

/** Builds the flat layout of a plan plus extra categories (cached for trusted plans without extras). */
export function layoutOf(plan: Plan, extras: readonly KnownCategory[] = []): Layout {
  const isTrusted = isTrustedPlan(plan);
  const isCacheable = extras.length === 0 && isTrusted;
  const cached = isCacheable ? cache.get(plan) : undefined;
  if (cached !== undefined) return cached;
  if (!isTrusted) checkPlan(plan);
  const layout = buildLayout(plan, extras);
  if (isCacheable) cache.set(plan, layout);
  return layout;
}
