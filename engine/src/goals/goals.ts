/**
 * Goals (domain §6): progress, the monthly reservation an active dated goal puts in the plan, and
 * milestone crossings.
 *
 * Decisions: "months left" counts calendar months from the plan month to the target date's month,
 * both included (a goal due on 15 May seen in March has 3 months: March, April, May); a target
 * date in the past or in the plan month leaves 1 month, so the rest is reserved now. The monthly
 * reservation is rounded up to the minor unit so the goal is reached on time, and never exceeds
 * what is left to save.
 */
import { EngineError } from '../errors';
import { assertMinor, ceilDivide, floorDivide } from '../money/money';
import { monthsBetween, parseLocalDate, type LocalDate, type LocalMonth } from '../time/calendar';

/** Lifecycle of a goal; only `active` goals reserve money. */
export type GoalStatus = 'active' | 'paused' | 'completed' | 'cancelled';

/** The amounts of a goal. */
export interface GoalAmounts {
  readonly targetMinor: number;
  readonly savedMinor: number;
}

/** Progress of a goal toward its target. */
export interface GoalProgress {
  /** min(saved / target, 1), for display only; decisions use exact integer comparisons. */
  readonly ratio: number;
  /** Whole percent, floored, 0–100. */
  readonly percent: number;
  readonly remainingMinor: number;
  readonly isComplete: boolean;
}

/** Milestones reported when progress crosses them (percent). */
export const GOAL_MILESTONES: readonly number[] = [25, 50, 75, 90, 100];

function checkAmounts(goal: GoalAmounts): void {
  assertMinor(goal.targetMinor, 'targetMinor', { nonNegative: true });
  assertMinor(goal.savedMinor, 'savedMinor', { nonNegative: true });
  if (goal.targetMinor === 0) {
    throw new EngineError('INPUT_INVALID', 'A goal needs a positive target', { targetMinor: 0 });
  }
}

/** Progress = min(saved / target, 1), with the whole percent floored and what is left to save. */
export function goalProgress(goal: GoalAmounts): GoalProgress {
  checkAmounts(goal);
  const isComplete = goal.savedMinor >= goal.targetMinor;
  const percent = isComplete ? 100 : floorDivide(goal.savedMinor * 100, goal.targetMinor);
  return {
    ratio: isComplete ? 1 : goal.savedMinor / goal.targetMinor,
    percent,
    remainingMinor: Math.max(0, goal.targetMinor - goal.savedMinor),
    isComplete,
  };
}

/** Months from `month` to the month of `targetOn`, both included, at least 1. */
export function goalMonthsLeft(targetOn: LocalDate, month: LocalMonth): number {
  parseLocalDate(targetOn);
  return Math.max(1, monthsBetween(month, targetOn.slice(0, 7)) + 1);
}

/** A goal as needed for its reservation. */
export interface ReservableGoal extends GoalAmounts {
  readonly status: GoalStatus;
  readonly targetOn?: LocalDate | null;
}

/** Monthly reservation of an active dated goal: ⌈(target − saved) / months left⌉, else 0. */
export function goalReservationMinor(goal: ReservableGoal, month: LocalMonth): number {
  checkAmounts(goal);
  if (goal.status !== 'active' || goal.targetOn === undefined || goal.targetOn === null) return 0;
  const remaining = Math.max(0, goal.targetMinor - goal.savedMinor);
  const months = goalMonthsLeft(goal.targetOn, month);
  return ceilDivide(remaining, months);
}

/** Milestones newly crossed between two states of a goal, lowest first (empty if none). */
export function crossedGoalMilestones(previous: GoalAmounts, next: GoalAmounts): number[] {
  checkAmounts(previous);
  checkAmounts(next);
  // saved/target ≥ m/100 ⇔ saved·100 ≥ m·target, exact in integers of this size.
  const reached = (goal: GoalAmounts, milestone: number): boolean =>
    goal.savedMinor * 100 >= milestone * goal.targetMinor;
  return GOAL_MILESTONES.filter((m) => !reached(previous, m) && reached(next, m));
}
