/**
 * From month amounts to per-day allocations (domain §3.7): fixed on the due day, spread over every
 * plan day, clustered over K spending days.
 *
 * Decisions: K is the habit frequency (dining out: diningPerMonth; flights: ⌈travelPerYear / 12⌉;
 * any category: habits.spendingDaysPerMonth), else 4; for a mid-month plan K is prorated like the
 * money (rounded up), and K is always between 1 and the number of plan days. Non-bill fixed
 * categories (the insurance target, user-made fixed categories) are due on day 5.
 */
import type { CategoryBehaviour, CategoryPriority } from '../categories/taxonomy';
import { ceilDivide } from '../money/money';
import { DEFAULT_BILL_DUE_DAY, type BillPlacement } from './bills';
import {
  DEFAULT_CLUSTERED_DAYS,
  chooseClusteredDays,
  placeFixed,
  planDays,
  spreadOver,
  type PlanSpan,
} from './days';
import { DEFAULT_WEEKEND_DAYS, type RegionalProfile } from './profiles';
import type { PlanCategory, PlanCategorySource, PlanInput, PlanNotice } from './types';

/** A plan category before its days are laid out. */
export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly behaviour: CategoryBehaviour;
  readonly priority: CategoryPriority;
  readonly source: PlanCategorySource;
  readonly amountMinor: number;
  readonly bills?: readonly BillPlacement[];
}

/** What laying out needs besides the drafts. */
export interface LayOutContext {
  readonly span: PlanSpan;
  readonly input: PlanInput;
  readonly profile: RegionalProfile | undefined;
  readonly notices: PlanNotice[];
}

function habitDays(id: string, input: PlanInput): number | undefined {
  const habits = input.habits ?? {};
  const explicit = habits.spendingDaysPerMonth?.[id];
  if (explicit !== undefined && explicit > 0) return explicit;
  if (id === 'dining_out' && (habits.diningPerMonth ?? 0) > 0) return habits.diningPerMonth;
  if (id === 'travel' && (habits.travelPerYear ?? 0) > 0)
    return ceilDivide(habits.travelPerYear ?? 0, 12);
  return undefined;
}

function spendingDayCount(id: string, ctx: LayOutContext): number {
  const { span } = ctx;
  const count = span.daysInMonth - span.firstDay + 1;
  const perMonth = habitDays(id, ctx.input) ?? DEFAULT_CLUSTERED_DAYS;
  const prorated = ceilDivide(perMonth * count, span.daysInMonth);
  return Math.min(count, Math.max(1, prorated));
}

function fixedDays(draft: Draft, ctx: LayOutContext): number[] {
  const bills = draft.bills ?? [
    { name: draft.name, amountMinor: draft.amountMinor, dueDay: DEFAULT_BILL_DUE_DAY },
  ];
  const { span } = ctx;
  // Only real bills get a notice; a fixed target has no due day the user chose.
  for (const bill of draft.bills ?? []) {
    if (bill.dueDay > span.daysInMonth || bill.dueDay < span.firstDay) {
      const placedOn = Math.min(span.daysInMonth, Math.max(span.firstDay, bill.dueDay));
      ctx.notices.push({
        code: 'BILL_DUE_DAY_MOVED',
        message: `"${bill.name}" is due on day ${bill.dueDay}; this plan places it on day ${placedOn}`,
        details: { name: bill.name, dueDay: bill.dueDay, placedOn },
      });
    }
  }
  return placeFixed(bills, span);
}

function daysOf(draft: Draft, ctx: LayOutContext): number[] {
  switch (draft.behaviour) {
    case 'fixed':
      return fixedDays(draft, ctx);
    case 'spread':
      return spreadOver(draft.amountMinor, planDays(ctx.span), ctx.span);
    case 'clustered': {
      const key = { userId: ctx.input.userId, month: ctx.input.month, categoryId: draft.id };
      const weekend = ctx.profile?.weekendDays ?? DEFAULT_WEEKEND_DAYS;
      const chosen = chooseClusteredDays(key, spendingDayCount(draft.id, ctx), ctx.span, weekend);
      return spreadOver(draft.amountMinor, chosen, ctx.span);
    }
  }
}

/** Lays every draft over the plan's days. */
export function layOut(drafts: readonly Draft[], ctx: LayOutContext): PlanCategory[] {
  return drafts.map((draft) => ({
    id: draft.id,
    name: draft.name,
    behaviour: draft.behaviour,
    priority: draft.priority,
    source: draft.source,
    amountMinor: draft.amountMinor,
    days: daysOf(draft, ctx),
  }));
}
