import {
  computeMonth,
  preparePlan,
  type KnownCategory,
  type LedgerTransaction,
  type MonthState,
  type Plan,
  type PlanCategory,
} from '@pace/engine';
import {
  ledgerEntriesOf,
  type AdjustmentRecord,
  type CategoryRecord,
  type LedgerRecord,
  type SettingsRecord,
} from '@/lib/db';

/** A manual move as the month explains it (the engine's moves have no `manual` reason). */
export interface ManualMove {
  id: string;
  fromCategoryId: string;
  toCategoryId: string;
  fromDay: number;
  toDay: number;
  amountMinor: number;
  pending: boolean;
}

export interface LocalMonthInput {
  /** The stored plan document of the month. */
  planDocument: unknown;
  settings: Pick<SettingsRecord, 'rollover'>;
  adjustments: readonly AdjustmentRecord[];
  /** The month's ledger row (live expenses summed per day and category). */
  ledger: LedgerRecord | undefined;
  categories: readonly CategoryRecord[];
  today: string;
}

export interface LocalMonth {
  state: MonthState;
  plan: Plan;
  manualMoves: ManualMove[];
}

const dayOf = (date: string) => Number(date.slice(8, 10));

/**
 * The plan with the manual moves in force applied in order, as the server does before computing
 * the month: each changes the two cells' allocations (and the two categories' month amounts, the
 * sum unchanged); a move that no longer fits is skipped, never applied below zero.
 */
export function applyManualMoves(
  plan: Plan,
  adjustments: readonly AdjustmentRecord[],
): { plan: Plan; moves: ManualMove[] } {
  if (adjustments.length === 0) return { plan, moves: [] };
  const cells = new Map(
    plan.categories.map((c) => [c.id, { amountMinor: c.amountMinor, days: [...c.days] }]),
  );
  const moves: ManualMove[] = [];
  for (const a of adjustments) {
    const from = cells.get(a.fromCategoryId);
    const to = cells.get(a.toCategoryId);
    const fromIndex = dayOf(a.fromOn) - 1;
    const toIndex = dayOf(a.toOn) - 1;
    const inMonth = a.fromOn.startsWith(`${plan.month}-`) && a.toOn.startsWith(`${plan.month}-`);
    if (!from || !to || !inMonth) continue;
    if ((from.days[fromIndex] ?? 0) < a.amountMinor || toIndex < plan.firstDay - 1) continue;
    from.days[fromIndex] = (from.days[fromIndex] ?? 0) - a.amountMinor;
    from.amountMinor -= a.amountMinor;
    to.days[toIndex] = (to.days[toIndex] ?? 0) + a.amountMinor;
    to.amountMinor += a.amountMinor;
    moves.push({
      id: a.id,
      fromCategoryId: a.fromCategoryId,
      toCategoryId: a.toCategoryId,
      fromDay: fromIndex + 1,
      toDay: toIndex + 1,
      amountMinor: a.amountMinor,
      pending: a.pending === 1,
    });
  }
  const categories = plan.categories.map((c): PlanCategory => {
    const changed = cells.get(c.id);
    return changed ? { ...c, amountMinor: changed.amountMinor, days: changed.days } : c;
  });
  return { plan: { ...plan, categories }, moves };
}

const prepared = new WeakMap<object, Plan>();

/** The stored plan checked once per stored object (a trusted plan computes fastest). */
function trustedPlanOf(document: unknown): Plan {
  const key = document as object;
  let plan = prepared.get(key);
  if (!plan) {
    plan = preparePlan(document as Plan);
    prepared.set(key, plan);
  }
  return plan;
}

/**
 * The month as the server computes it, from the device's mirror: the same plan, manual moves,
 * ledger (the month's live expenses, summed per day and category), rollover and user categories, so the figures match
 * the server's to the minor unit.
 */
export function computeLocalMonth(input: LocalMonthInput): LocalMonth {
  const base = trustedPlanOf(input.planDocument);
  const ordered = [...input.adjustments].sort((a, b) => a.order - b.order);
  const { plan, moves } = applyManualMoves(base, ordered);
  const ledger: LedgerTransaction[] = ledgerEntriesOf(input.ledger).filter(
    (entry) => entry.currency === base.currency && entry.amountMinor > 0,
  );
  const categories: KnownCategory[] = input.categories.map((c) => ({
    id: c.id,
    name: c.name,
    behaviour: c.behaviour,
    priority: c.priority,
  }));
  const state = computeMonth(plan, ledger, input.today, {
    rollover: input.settings.rollover,
    categories,
  });
  return { state, plan, manualMoves: moves };
}
