import {
  diffBudgetAlerts,
  diffPaceAlerts,
  isLargeTransaction,
  type AlertLevel,
  type LedgerTransaction,
  type MonthState,
  type PaceLevel,
} from '@pace/engine';

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

/**
 * What a write newly caused: the engine's diffs between the month before the write (computed
 * without it; null when the write made the month's plan) and after it.
 */
export function detectAlerts(input: {
  previous: MonthState | null;
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
  const budget = diffBudgetAlerts(previous, state).map((a): AlertCandidate => ({
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
  const pace = diffPaceAlerts(previous, state).map((a): AlertCandidate => ({
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
