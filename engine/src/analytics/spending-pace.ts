/**
 * Pace of a month's spending against its plan (domain §5): what was spent so far against the part
 * of the plan the elapsed days stand for, with the engine's pace levels (watch from 1.2).
 *
 * Decisions: days are plan days (a mid-month plan counts from its first day), today included; the
 * expected amount so far is plan × elapsed / plan days floored to the minor unit; a month that is
 * over counts all its plan days; the levels and run-out day are those of `computePace`.
 */
import { computePace, type PaceLevel } from '../status/pace';
import type { LocalDate } from '../time/calendar';

export interface MonthPaceInput {
  readonly spentMinor: number;
  readonly planMinor: number;
  readonly elapsedDays: number;
  readonly planDays: number;
  readonly firstDate: LocalDate;
}

export interface MonthPace {
  readonly spentMinor: number;
  readonly planMinor: number;
  /** The plan's share for the elapsed days, floored. */
  readonly expectedToDateMinor: number;
  readonly elapsedDays: number;
  readonly planDays: number;
  /** spent − expected so far: above 0 is ahead of the plan. */
  readonly aheadMinor: number;
  readonly level: PaceLevel;
  /** (spent / elapsed) / (plan / plan days), for display; null before day 3 or without a plan. */
  readonly ratio: number | null;
  readonly runOutOn: LocalDate | null;
}

/** Spending so far against the elapsed share of the plan. */
export function computeMonthPace(input: MonthPaceInput): MonthPace {
  const elapsedDays = Math.min(Math.max(input.elapsedDays, 0), input.planDays);
  const expectedToDateMinor =
    input.planDays > 0 ? Math.floor((input.planMinor * elapsedDays) / input.planDays) : 0;
  const pace = computePace({ ...input, elapsedDays });
  return {
    spentMinor: input.spentMinor,
    planMinor: input.planMinor,
    expectedToDateMinor,
    elapsedDays,
    planDays: input.planDays,
    aheadMinor: input.spentMinor - expectedToDateMinor,
    ...pace,
  };
}
