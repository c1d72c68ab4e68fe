/**
 * Regenerating the current month's plan from day d (domain §3.8): a plan generated from d with
 * the current settings replaces the days from d on; every day before d keeps its allocation.
 *
 * Decisions: a bill whose due day is before d was reserved on its due day already, so it is not
 * placed again (a mid-month plan would put it on its first day: rent paid on the 1st would be
 * reserved twice); it still counts in the fresh plan's arithmetic, so the money for the rest of
 * the month is what a plan made on d gives. A category only in the old plan keeps its past days
 * and gets nothing later. Totals are the fresh plan's, with `plannedMinor` what the merged plan
 * places.
 */
import { EngineError } from '../errors';
import { dayOfMonth } from '../time/calendar';
import { groupBills } from './bills';
import { generatePlan } from './generate-plan';
import { trustPlan } from './trusted-plan';
import type { Plan, PlanCategory, PlanInput } from './types';

/** Amount of each bill category due before `fromDay`, which its past days reserved already. */
function reservedBefore(input: PlanInput, fromDay: number): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const category of groupBills(input.bills ?? [])) {
    const due = category.bills.filter((bill) => bill.dueDay < fromDay);
    const amount = due.reduce((sum, bill) => sum + bill.amountMinor, 0);
    if (amount > 0) reserved.set(category.id, amount);
  }
  return reserved;
}

/**
 * Remakes `current` (a plan of `input.month`) from `input.startsOn` with the settings in `input`:
 * days before it unchanged, bills already due not placed again.
 */
export function regeneratePlan(current: Plan, input: PlanInput & { startsOn: string }): Plan {
  if (current.month !== input.month) {
    throw new EngineError('INPUT_INVALID', 'A plan is regenerated within its own month', {
      month: current.month,
      given: input.month,
    });
  }
  const fromDay = dayOfMonth(input.startsOn);
  const fresh = generatePlan(input);
  const reserved = reservedBefore(input, fromDay);
  const freshById = new Map(fresh.categories.map((c) => [c.id, c]));
  const currentById = new Map(current.categories.map((c) => [c.id, c]));
  const all = [...fresh.categories, ...current.categories.filter((c) => !freshById.has(c.id))];
  const categories = all.map((base): PlanCategory => {
    const old = currentById.get(base.id);
    const next = freshById.get(base.id);
    // The fresh plan placed bills due before its first day on that day: take them off again.
    const alreadyReserved = reserved.get(base.id) ?? 0;
    const days = Array.from({ length: current.daysInMonth }, (_, i) => {
      const day = i + 1;
      if (day < fromDay) return old?.days[i] ?? 0;
      const placed = next?.days[i] ?? 0;
      return day === fromDay ? placed - alreadyReserved : placed;
    });
    return { ...base, days, amountMinor: days.reduce((sum, v) => sum + v, 0) };
  });
  const plannedMinor = categories.reduce((sum, c) => sum + c.amountMinor, 0);
  const notices = fresh.notices.filter(
    (notice) => notice.code !== 'BILL_DUE_DAY_MOVED' || Number(notice.details.dueDay) >= fromDay,
  );
  return trustPlan({
    ...fresh,
    startsOn: current.startsOn,
    firstDay: current.firstDay,
    categories,
    notices,
    totals: { ...fresh.totals, plannedMinor },
  });
}
