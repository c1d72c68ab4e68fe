/**
 * Plans the engine may trust without checking again: those it generated or prepared, deeply
 * frozen so nobody can change them afterwards. computeMonth keeps their flat layout cached.
 */
import { EngineError } from '../errors';
import { PRIORITY_RANK } from '../categories/categories';
import { minorDigitsOf } from '../money/currencies';
import { daysInMonth } from '../time/calendar';
import type { Plan } from './types';

const trusted = new WeakSet<Plan>();
const BEHAVIOURS: ReadonlySet<string> = new Set(['fixed', 'spread', 'clustered']);

/** Tells whether a plan came from generatePlan or preparePlan (and so is frozen and valid). */
export function isTrustedPlan(plan: Plan): boolean {
  return trusted.has(plan);
}

/** Deep-freezes a plan the engine built or checked, and remembers it as trusted. */
export function trustPlan(plan: Plan): Plan {
  for (const category of plan.categories) Object.freeze(Object.freeze(category).days);
  Object.freeze(plan.categories);
  Object.freeze(plan.notices);
  Object.freeze(plan.totals);
  trusted.add(Object.freeze(plan));
  return plan;
}

function invalid(reason: string, details: Record<string, string | number> = {}): EngineError {
  return new EngineError('PLAN_INVALID', `Plan is not valid: ${reason}`, details);
}

/** Checks the shape and arithmetic of a stored plan; throws PLAN_INVALID (or CURRENCY_UNKNOWN). */
export function checkPlan(plan: Plan): void {
  // Checked through `unknown`: narrowing the readonly array itself would type its items `any`.
  const categories: unknown = plan.categories;
  if (plan.version !== 1 || !Array.isArray(categories)) throw invalid('unknown version');
  minorDigitsOf(plan.currency);
  const days = daysInMonth(plan.month);
  const { firstDay } = plan;
  if (plan.daysInMonth !== days || !Number.isInteger(firstDay) || firstDay < 1 || firstDay > days) {
    throw invalid('month, days or first day', { month: plan.month });
  }
  const seen = new Set<string>();
  for (const category of plan.categories) {
    if (seen.has(category.id)) throw invalid('duplicate category', { id: category.id });
    seen.add(category.id);
    if (!BEHAVIOURS.has(category.behaviour) || !(category.priority in PRIORITY_RANK)) {
      throw invalid('unknown behaviour or priority', { id: category.id });
    }
    if (category.days.length !== days) throw invalid('days length', { id: category.id });
    let sum = 0;
    for (const value of category.days) {
      if (!Number.isSafeInteger(value) || value < 0)
        throw invalid('allocation', { id: category.id });
      sum += value;
    }
    if (sum !== category.amountMinor) throw invalid('days do not add up', { id: category.id });
  }
}

/**
 * Checks a stored plan (e.g. read from the database) and returns a frozen copy the engine
 * trusts, so repeated computeMonth calls with it skip validation and reuse its layout.
 */
export function preparePlan(plan: Plan): Plan {
  checkPlan(plan);
  return trustPlan(structuredClone(plan));
}
