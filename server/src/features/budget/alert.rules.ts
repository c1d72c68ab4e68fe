import {
  alertLevelOf,
  computePace,
  diffBudgetAlerts,
  diffPaceAlerts,
  isLargeTransaction,
  type AlertLevel,
  type LedgerTransaction,
  type MonthState,
  type PaceLevel,
} from '@pace/engine';
import type { MonthSnapshot } from './month-snapshot.rules';

export type AlertKind = 'budget_level' | 'pace' | 'large_transaction' | 'deficit';

/** An alert worth sending unless already sent (its key) or cooling down (`cooldownMs`). */
export interface AlertCandidate {
  readonly key: string;
  readonly kind: AlertKind;
  /** Null: once ever per key; otherwise the key may be sent again after this long. */
  readonly cooldownMs: number | null;
  readonly categoryId: string | null;
  readonly date: string | null;
  readonly level: AlertLevel | null;
  readonly paceLevel: PaceLevel | null;
  readonly runOutOn: string | null;
  readonly amountMinor: number;
  readonly allocationMinor: number | null;
}

const PACE_RANK: Readonly<Record<PaceLevel, number>> = {
  none: 0,
  watch: 1,
  warning: 2,
  critical: 3,
};

/** The budget level a (date, category) had reached in a stored snapshot (as the engine computes it). */
function snapshotLevel(
  previous: MonthSnapshot | null,
  date: string,
  categoryId: string,
): AlertLevel | null {
  const cell = previous?.days
    .find((d) => d.date === date)
    ?.cells.find((c) => c.categoryId === categoryId);
  return cell ? alertLevelOf(cell.spentMinor, cell.allocationMinor - cell.coveredMinor) : null;
}

/** The pace level of a category in a stored snapshot, with the engine's own pace rule. */
function snapshotPace(previous: MonthSnapshot | null, categoryId: string): PaceLevel {
  const category = previous?.categories.find((c) => c.id === categoryId);
  if (!previous || !category || !previous.today.startsWith(`${previous.month}-`)) return 'none';
  const today = Number(previous.today.slice(8, 10));
  const spentMinor = previous.days
    .filter((d) => d.day <= today)
    .reduce(
      (sum, d) => sum + (d.cells.find((c) => c.categoryId === categoryId)?.spentMinor ?? 0),
      0,
    );
  return computePace({
    spentMinor,
    planMinor: category.planMinor,
    elapsedDays: today - previous.firstDay + 1,
    planDays: previous.daysInMonth - previous.firstDay + 1,
    firstDate: `${previous.month}-${String(previous.firstDay).padStart(2, '0')}`,
  }).level;
}

/**
 * What a write newly caused, as the engine's diffs would report it against the previous state. The
 * previous state is only stored as a snapshot (no MonthState), so the engine diffs run against
 * nothing and their results are kept where the snapshot, read with the same engine rules, was lower.
 */
export function detectAlerts(input: {
  previous: MonthSnapshot | null;
  state: MonthState;
  transaction: LedgerTransaction | null;
  largeThresholdMinor: number | null;
}): AlertCandidate[] {
  const { previous, state, transaction } = input;
  const none = {
    categoryId: null,
    date: null,
    level: null,
    paceLevel: null,
    runOutOn: null,
    allocationMinor: null,
  };
  const budget = diffBudgetAlerts(null, state)
    .filter((a) => (snapshotLevel(previous, a.date, a.categoryId) ?? 0) < a.level)
    .map((a): AlertCandidate => ({
      ...none,
      key: a.key,
      kind: 'budget_level',
      cooldownMs: null,
      categoryId: a.categoryId,
      date: a.date,
      level: a.level,
      amountMinor: a.spentMinor,
      allocationMinor: a.allocationMinor,
    }));
  const pace = diffPaceAlerts(null, state)
    .filter((a) => PACE_RANK[snapshotPace(previous, a.categoryId)] < PACE_RANK[a.level])
    .map((a): AlertCandidate => ({
      ...none,
      key: a.cooldownKey,
      kind: 'pace',
      cooldownMs: a.cooldownMs,
      categoryId: a.categoryId,
      date: state.today,
      paceLevel: a.level,
      runOutOn: a.runOutOn,
      amountMinor: state.spentThrough(
        a.categoryId,
        Math.min(state.daysInMonth, Number(state.today.slice(8, 10))),
      ),
    }));
  const alerts = [...budget, ...pace];
  if (
    transaction?.id &&
    input.largeThresholdMinor !== null &&
    isLargeTransaction(transaction, input.largeThresholdMinor)
  ) {
    alerts.push({
      ...none,
      key: `large:${transaction.id}`,
      kind: 'large_transaction',
      cooldownMs: null,
      categoryId: transaction.categoryId,
      date: transaction.bookedOn,
      amountMinor: transaction.amountMinor,
    });
  }
  const deficitBefore = previous?.totals.deficitMinor ?? 0;
  if (state.totals.deficitMinor > 0 && deficitBefore <= 0) {
    alerts.push({
      ...none,
      key: `deficit:${state.today}`,
      kind: 'deficit',
      cooldownMs: null,
      date: state.today,
      amountMinor: state.totals.deficitMinor,
    });
  }
  return alerts;
}
