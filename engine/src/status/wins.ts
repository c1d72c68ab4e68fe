/**
 * Wins (domain §5): 7 / 14 / 30 consecutive days each at ≤ 80 % of plan; the highest milestone
 * reached is reported once, with a 7-day cooldown.
 *
 * Decisions: a day is judged once finished; it counts when its spending in spendable categories
 * (neither fixed nor sacred) is at most 80 % of what the original plan gave those categories that
 * day (a day with no plan and no spending counts). A streak running since the plan's first day
 * continues the previous month's streak when the caller passes `carryInDays`.
 */
import type { MonthState } from '../month/month-state';
import { HOUR_MS, type CooldownEvent } from './cooldown';

/** Streak lengths that are celebrated. */
export const WIN_MILESTONES: readonly number[] = [7, 14, 30];
/** A winning day spends at most this share of its plan: 80 / 100. */
export const WIN_SHARE = { numerator: 80, denominator: 100 } as const;
/** Cooldown between two win notifications. */
export const WIN_COOLDOWN_MS = 7 * 24 * HOUR_MS;

/** Tells whether a day's spending is within the win share of its plan. */
export function isWinningDay(spentMinor: number, plannedMinor: number): boolean {
  return spentMinor * WIN_SHARE.denominator <= WIN_SHARE.numerator * plannedMinor;
}

/** Consecutive winning finished days ending with the last finished day. */
export function winStreakOf(state: MonthState, carryInDays = 0): number {
  let streak = 0;
  for (let day = Math.min(state.finishedDays, state.daysInMonth); day >= state.firstDay; day -= 1) {
    const { plannedMinor, spentMinor } = state.spendableOfDay(day);
    if (!isWinningDay(spentMinor, plannedMinor)) return streak;
    streak += 1;
  }
  return streak + carryInDays;
}

/** The highest milestone a streak has reached, or null. */
export function winMilestoneOf(streakDays: number): number | null {
  let reached: number | null = null;
  for (const milestone of WIN_MILESTONES) if (streakDays >= milestone) reached = milestone;
  return reached;
}

/** A newly reached win milestone. */
export interface WinEvent extends CooldownEvent {
  readonly milestone: number;
  readonly streakDays: number;
}

/** The win milestone `next` reached that `previous` had not, or null. */
export function diffWins(
  previous: MonthState | null,
  next: MonthState,
  options: { carryInDays?: number; previousCarryInDays?: number } = {},
): WinEvent | null {
  const streakDays = winStreakOf(next, options.carryInDays ?? 0);
  const milestone = winMilestoneOf(streakDays);
  const was =
    previous === null
      ? null
      : winMilestoneOf(
          winStreakOf(previous, options.previousCarryInDays ?? options.carryInDays ?? 0),
        );
  if (milestone === null || (was !== null && was >= milestone)) return null;
  return { milestone, streakDays, cooldownKey: 'win', cooldownMs: WIN_COOLDOWN_MS };
}
