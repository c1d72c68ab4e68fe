/**
 * Savings and goal reservations (domain §3.3, §6): sacred money set aside before targets.
 *
 * Decision: when they do not fit in `income − fixed`, the plain savings target is lowered first
 * (it has no deadline), then goal reservations from the least important goal (highest `priority`
 * number, then id) — each never below 0, each with a notice.
 */
import { EngineError } from '../errors';
import { goalReservationMinor } from '../goals/goals';
import { GOAL_CATEGORY_PREFIX } from '../categories/categories';
import { formatDecimal } from '../money/format';
import { assertMinor } from '../money/money';
import type { PlanGoalInput, PlanNotice } from './types';

/** A goal with the amount it reserves this month. */
export interface GoalReservation {
  readonly categoryId: string;
  readonly goal: PlanGoalInput;
  readonly amountMinor: number;
}

/** Savings and goal amounts that fit, with notices for what was lowered. */
export interface Reservations {
  readonly savingsMinor: number;
  readonly goals: readonly GoalReservation[];
  readonly totalMinor: number;
}

/** Inputs of {@link reserve}. */
export interface ReserveInput {
  readonly availableMinor: number;
  readonly savingsTargetMinor: number;
  readonly goals: readonly PlanGoalInput[];
  readonly month: string;
  readonly currency: string;
  readonly notices: PlanNotice[];
}

function requestedGoals(input: ReserveInput): GoalReservation[] {
  const seen = new Set<string>();
  return input.goals.map((goal) => {
    if (seen.has(goal.id) || goal.id.length === 0) {
      throw new EngineError('INPUT_INVALID', `Goal ids must be unique and non-empty`, {
        id: goal.id,
      });
    }
    seen.add(goal.id);
    return {
      categoryId: `${GOAL_CATEGORY_PREFIX}${goal.id}`,
      goal,
      amountMinor: goalReservationMinor(goal, input.month),
    };
  });
}

function mostImportantFirst(a: GoalReservation, b: GoalReservation): number {
  const rank =
    (a.goal.priority ?? Number.MAX_SAFE_INTEGER) - (b.goal.priority ?? Number.MAX_SAFE_INTEGER);
  if (rank !== 0) return rank;
  return a.goal.id < b.goal.id ? -1 : a.goal.id > b.goal.id ? 1 : 0;
}

/** Fits the savings target and goal reservations into the money left after bills. */
export function reserve(input: ReserveInput): Reservations {
  assertMinor(input.savingsTargetMinor, 'savingsTargetMinor', { nonNegative: true });
  const money = (minor: number): string =>
    `${formatDecimal(minor, input.currency)} ${input.currency}`;
  const goals = requestedGoals(input);
  const goalsTotal = goals.reduce((sum, g) => sum + g.amountMinor, 0);
  const savingsMinor = Math.max(
    0,
    Math.min(input.savingsTargetMinor, input.availableMinor - goalsTotal),
  );
  if (savingsMinor < input.savingsTargetMinor) {
    input.notices.push({
      code: 'SAVINGS_CLAMPED',
      message: `Savings lowered from ${money(input.savingsTargetMinor)} to ${money(savingsMinor)} so the plan fits your income`,
      details: { requestedMinor: input.savingsTargetMinor, plannedMinor: savingsMinor },
    });
  }
  // Most important goals keep their reservation; the least important shrink first.
  let left = input.availableMinor - savingsMinor;
  const fitted = new Map<string, number>();
  for (const reservation of [...goals].sort(mostImportantFirst)) {
    const amount = Math.max(0, Math.min(reservation.amountMinor, left));
    left -= amount;
    fitted.set(reservation.goal.id, amount);
    if (amount < reservation.amountMinor) {
      input.notices.push({
        code: 'GOAL_RESERVATION_CLAMPED',
        message: `"${reservation.goal.name}" reserves ${money(amount)} instead of ${money(reservation.amountMinor)} this month`,
        details: {
          goalId: reservation.goal.id,
          requestedMinor: reservation.amountMinor,
          plannedMinor: amount,
        },
      });
    }
  }
  const fittedGoals = goals.map((g) => ({ ...g, amountMinor: fitted.get(g.goal.id) ?? 0 }));
  const totalMinor = savingsMinor + fittedGoals.reduce((sum, g) => sum + g.amountMinor, 0);
  return { savingsMinor, goals: fittedGoals, totalMinor };
}
