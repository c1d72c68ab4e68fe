import type { LocalDate, Plan, PlanCategory } from '@pace/engine';
import type { SnapshotMove } from './month-snapshot.rules';

/** A manual move of budget between two (category, day) cells of one month. */
export interface Adjustment {
  readonly fromCategoryId: string;
  readonly fromOn: LocalDate;
  readonly toCategoryId: string;
  readonly toOn: LocalDate;
  readonly amountMinor: number;
}

const dayOf = (date: LocalDate) => Number(date.slice(8, 10));

/**
 * The plan with the adjustments applied, in order, and the manual moves explaining them. The
 * engine has no hook for manual moves, so they change the plan's day allocations (and the two
 * categories' month amounts, their sum unchanged) before computeMonth rebalances the month. An
 * adjustment that no longer fits (a category left the plan, or the day has too little after a
 * settings change) is skipped, never applied below zero.
 */
export function applyAdjustments(
  plan: Plan,
  adjustments: readonly Adjustment[],
): { plan: Plan; moves: SnapshotMove[] } {
  if (adjustments.length === 0) return { plan, moves: [] };
  const categories = new Map<string, { amountMinor: number; days: number[] }>(
    plan.categories.map((c) => [c.id, { amountMinor: c.amountMinor, days: [...c.days] }]),
  );
  const moves: SnapshotMove[] = [];
  for (const a of adjustments) {
    const from = categories.get(a.fromCategoryId);
    const to = categories.get(a.toCategoryId);
    const fromIndex = dayOf(a.fromOn) - 1;
    const toIndex = dayOf(a.toOn) - 1;
    if (
      !from ||
      !to ||
      !a.fromOn.startsWith(`${plan.month}-`) ||
      !a.toOn.startsWith(`${plan.month}-`)
    )
      continue;
    if ((from.days[fromIndex] ?? 0) < a.amountMinor || toIndex < plan.firstDay - 1) continue;
    from.days[fromIndex] = (from.days[fromIndex] ?? 0) - a.amountMinor;
    from.amountMinor -= a.amountMinor;
    to.days[toIndex] = (to.days[toIndex] ?? 0) + a.amountMinor;
    to.amountMinor += a.amountMinor;
    const onDay = Math.min(fromIndex, toIndex) + 1;
    moves.push({
      reason: 'manual',
      fromCategoryId: a.fromCategoryId,
      toCategoryId: a.toCategoryId,
      fromDays: [fromIndex + 1],
      toDays: [toIndex + 1],
      amountMinor: a.amountMinor,
      onDay,
    });
  }
  const adjusted = plan.categories.map((c): PlanCategory => {
    const changed = categories.get(c.id);
    return changed ? { ...c, amountMinor: changed.amountMinor, days: changed.days } : c;
  });
  return { plan: { ...plan, categories: adjusted }, moves };
}

/** The allocation a plan (already adjusted) gives a category on a date; 0 when not in the plan. */
export function planAllocationOf(plan: Plan, categoryId: string, date: LocalDate): number {
  return plan.categories.find((c) => c.id === categoryId)?.days[dayOf(date) - 1] ?? 0;
}
