import {
  crossedGoalMilestones,
  diffBudgetAlerts,
  GOAL_CATEGORY_PREFIX,
  diffPaceAlerts,
  isLargeTransaction,
  type AlertLevel,
  type LedgerTransaction,
  type MonthState,
  type PaceLevel,
} from '@pace/engine';

export type AlertKind =
  'budget_level' | 'pace' | 'large_transaction' | 'deficit' | 'goal_milestone';

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
  /** goal_milestone: the percent of the target reached (25, 50, 75, 90 or 100). */
  readonly milestone: number | null;
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
    milestone: null,
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

/** A goal whose saved amount a ledger write changed. */
export interface GoalSavings {
  readonly goalId: string;
  readonly name: string;
  readonly targetMinor: number;
  readonly savedBeforeMinor: number;
  readonly savedAfterMinor: number;
}

/**
 * Goal milestones (domain §5): progress crossing 25/50/75/90/100 % of the target. When a write
 * crosses several at once only the highest is reported; each milestone is sent once per goal.
 */
export function goalMilestoneAlerts(
  goals: readonly GoalSavings[],
  today: string,
): AlertCandidate[] {
  return goals.flatMap((goal): AlertCandidate[] => {
    if (goal.targetMinor <= 0) return [];
    const crossed = crossedGoalMilestones(
      { targetMinor: goal.targetMinor, savedMinor: Math.max(0, goal.savedBeforeMinor) },
      { targetMinor: goal.targetMinor, savedMinor: Math.max(0, goal.savedAfterMinor) },
    );
    const milestone = crossed.at(-1);
    if (milestone === undefined) return [];
    return [
      {
        key: `goal:${goal.goalId}:${milestone}`,
        kind: 'goal_milestone',
        cooldownMs: null,
        categoryId: `${GOAL_CATEGORY_PREFIX}${goal.goalId}`,
        date: today,
        level: null,
        paceLevel: null,
        runOutOn: null,
        amountMinor: goal.savedAfterMinor,
        allocationMinor: goal.targetMinor,
        milestone,
      },
    ];
  });
}
