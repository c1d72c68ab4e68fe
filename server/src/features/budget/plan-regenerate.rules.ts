import type { Plan, PlanCategory } from '@pace/engine';

/**
 * The current plan with its days from `fromDay` on replaced by a plan generated today from the
 * current settings: past days keep the allocations they had (domain §4: past days never change),
 * a category only in the old plan keeps its past days and gets nothing later. Totals are the
 * fresh plan's, with `plannedMinor` the sum of what the merged plan places.
 */
export function mergeRegeneratedPlan(current: Plan, fresh: Plan, fromDay: number): Plan {
  const freshById = new Map(fresh.categories.map((c) => [c.id, c]));
  const currentById = new Map(current.categories.map((c) => [c.id, c]));
  const all = [...fresh.categories, ...current.categories.filter((c) => !freshById.has(c.id))];
  const categories = all.map((base): PlanCategory => {
    const old = currentById.get(base.id);
    const next = freshById.get(base.id);
    const days = Array.from({ length: current.daysInMonth }, (_, i) =>
      i + 1 < fromDay ? (old?.days[i] ?? 0) : (next?.days[i] ?? 0),
    );
    return { ...base, days, amountMinor: days.reduce((sum, v) => sum + v, 0) };
  });
  const plannedMinor = categories.reduce((sum, c) => sum + c.amountMinor, 0);
  return {
    ...fresh,
    startsOn: current.startsOn,
    firstDay: current.firstDay,
    categories,
    totals: { ...fresh.totals, plannedMinor },
  };
}
