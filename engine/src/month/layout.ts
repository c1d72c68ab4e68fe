/**
 * The plan in the flat layout the month walk uses: categories in processing order, allocations
 * in one Float64Array indexed `[dayIndex * categoryCount + category]`, and the donor tiers.
 * A plan straight from generatePlan (frozen) is laid out once and cached.
 *
 * Decision: spending in a category the plan does not list gets a zero-allocation category, so its
 * overspend is covered like any other. Its behaviour and priority come from the settings'
 * categories, else the taxonomy, else the id prefix (`goal:` spread/sacred, `bill:` fixed/sacred),
 * else the user-category default (spread, flexible).
 */
import { EngineError } from '../errors';
import {
  BILL_CATEGORY_PREFIX,
  GOAL_CATEGORY_PREFIX,
  compareCategoryOrder,
  findCategory,
} from '../categories/categories';
import {
  FLEX_CATEGORY_ID,
  SAVINGS_CATEGORY_ID,
  type CategoryBehaviour,
  type CategoryPriority,
} from '../categories/taxonomy';
import { isGeneratedPlan } from '../plan/generate-plan';
import { minorDigitsOf } from '../money/currencies';
import { daysInMonth } from '../time/calendar';
import type { Plan } from '../plan/types';
import type { KnownCategory } from './types';

/** Numeric codes of behaviours in the hot loop. */
export const FIXED = 0;
export const SPREAD = 1;
export const CLUSTERED = 2;
/** Numeric priority ranks in the hot loop (same order as PRIORITY_RANK). */
export const SACRED = 0;
export const PROTECTED = 1;
export const FLEXIBLE = 2;
export const DISCRETIONARY = 3;
export const BUFFER = 4;

const BEHAVIOUR_CODE: Record<CategoryBehaviour, number> = {
  fixed: FIXED,
  spread: SPREAD,
  clustered: CLUSTERED,
};
const PRIORITY_CODE: Record<CategoryPriority, number> = {
  sacred: SACRED,
  protected: PROTECTED,
  flexible: FLEXIBLE,
  discretionary: DISCRETIONARY,
  buffer: BUFFER,
};

/** A category in the layout. */
export interface LaidCategory extends KnownCategory {
  readonly planMinor: number;
}

/** The flat layout of a plan. */
export interface Layout {
  readonly plan: Plan;
  readonly categories: readonly LaidCategory[];
  readonly count: number;
  readonly days: number;
  readonly index: ReadonlyMap<string, number>;
  readonly behaviour: Uint8Array;
  readonly priority: Uint8Array;
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

function invalidPlan(reason: string, details: Record<string, string | number> = {}): EngineError {
  return new EngineError('PLAN_INVALID', `Plan is not valid: ${reason}`, details);
}

function checkPlan(plan: Plan): void {
  if (plan.version !== 1 || !Array.isArray(plan.categories)) throw invalidPlan('unknown version');
  minorDigitsOf(plan.currency);
  const days = daysInMonth(plan.month);
  if (
    plan.daysInMonth !== days ||
    !Number.isInteger(plan.firstDay) ||
    plan.firstDay < 1 ||
    plan.firstDay > days
  ) {
    throw invalidPlan('month, days or first day', { month: plan.month });
  }
  const seen = new Set<string>();
  for (const category of plan.categories) {
    if (seen.has(category.id)) throw invalidPlan('duplicate category', { id: category.id });
    seen.add(category.id);
    if (!(category.behaviour in BEHAVIOUR_CODE) || !(category.priority in PRIORITY_CODE)) {
      throw invalidPlan('unknown behaviour or priority', { id: category.id });
    }
    if (category.days.length !== plan.daysInMonth)
      throw invalidPlan('days length', { id: category.id });
    let sum = 0;
    for (const value of category.days) {
      if (!Number.isSafeInteger(value) || value < 0)
        throw invalidPlan('allocation', { id: category.id });
      sum += value;
    }
    if (sum !== category.amountMinor) throw invalidPlan('days do not add up', { id: category.id });
  }
}

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

function indicesOf(categories: readonly LaidCategory[], priority: CategoryPriority): Int32Array {
  return Int32Array.from(categories.flatMap((c, i) => (c.priority === priority ? [i] : [])));
}

/** Builds the flat layout of a plan plus extra categories (cached when there are none). */
export function layoutOf(plan: Plan, extras: readonly KnownCategory[] = []): Layout {
  const isCacheable = extras.length === 0 && isGeneratedPlan(plan);
  const cached = isCacheable ? cache.get(plan) : undefined;
  if (cached !== undefined) return cached;
  if (!isGeneratedPlan(plan)) checkPlan(plan);
  const categories: LaidCategory[] = [
    ...plan.categories.map((c) => ({
      id: c.id,
      name: c.name,
      behaviour: c.behaviour,
      priority: c.priority,
      planMinor: c.amountMinor,
    })),
    ...extras.map((c) => ({
      id: c.id,
      name: c.name,
      behaviour: c.behaviour,
      priority: c.priority,
      planMinor: 0,
    })),
  ].sort(compareCategoryOrder);
  const count = categories.length;
  const days = plan.daysInMonth;
  const base = new Float64Array(days * count);
  const byId = new Map(plan.categories.map((c) => [c.id, c]));
  categories.forEach((category, c) => {
    const source = byId.get(category.id)?.days ?? [];
    source.forEach((value, d) => {
      base[d * count + c] = value;
    });
  });
  const layout: Layout = {
    plan,
    categories,
    count,
    days,
    index: new Map(categories.map((c, i) => [c.id, i])),
    behaviour: Uint8Array.from(categories, (c) => BEHAVIOUR_CODE[c.behaviour]),
    priority: Uint8Array.from(categories, (c) => PRIORITY_CODE[c.priority]),
    base,
    planTotals: Float64Array.from(categories, (c) => c.planMinor),
    flex: categories.findIndex((c) => c.id === FLEX_CATEGORY_ID),
    savings: categories.findIndex((c) => c.id === SAVINGS_CATEGORY_ID),
    discretionary: indicesOf(categories, 'discretionary'),
    flexible: indicesOf(categories, 'flexible'),
    protected: indicesOf(categories, 'protected'),
  };
  if (isCacheable) cache.set(plan, layout);
  return layout;
}
