/** Test helpers for plan generation: a base input and readers of a plan. */
import { expect } from 'vitest';
import type { Plan, PlanInput } from '../src/plan/types';

/** A middle-tier US user in March 2026. */
export const base: PlanInput = {
  userId: 'user-1',
  month: '2026-03',
  currency: 'USD',
  region: 'US',
  timeZone: 'America/New_York',
  incomeMinor: 500000,
};

/** Month amount by category id. */
export const amounts = (plan: Plan): Record<string, number> =>
  Object.fromEntries(plan.categories.map((c) => [c.id, c.amountMinor]));
/** Day allocations of a category (empty when absent). */
export const daysOf = (plan: Plan, id: string): readonly number[] =>
  plan.categories.find((c) => c.id === id)?.days ?? [];
/** Days (1-based) on which a category has money. */
export const nonZeroDays = (plan: Plan, id: string): number[] =>
  daysOf(plan, id).flatMap((value, i) => (value > 0 ? [i + 1] : []));
/** Notice codes of a plan. */
export const codes = (plan: Plan): string[] => plan.notices.map((n) => n.code);

/** Every unit placed, days add up, nothing negative. */
export function expectIdentity(plan: Plan): void {
  const t = plan.totals;
  expect(t.fixedMinor + t.savingsMinor + t.goalsMinor + t.targetsMinor + t.flexMinor).toBe(
    t.plannedMinor,
  );
  expect(plan.categories.reduce((sum, c) => sum + c.amountMinor, 0)).toBe(t.plannedMinor);
  for (const c of plan.categories) {
    expect(
      c.days.reduce((a, b) => a + b, 0),
      c.id,
    ).toBe(c.amountMinor);
    expect(
      c.days.every((v) => Number.isSafeInteger(v) && v >= 0),
      c.id,
    ).toBe(true);
  }
}
