/**
 * Pace ("velocity", domain §5): ratio = (spent / days elapsed) / (month plan / days), from day 3;
 * ≥ 1.2 watch, ≥ 1.5 warning, ≥ 2.0 critical; never for sacred categories; with the day the plan
 * runs out at this pace. Thresholds are compared exactly in integers.
 *
 * Decisions: days are counted within the plan (a mid-month plan starts counting on its first day),
 * today included; fixed categories have no pace (a bill is paid at once by design); the month plan
 * is the category's planned amount; a category with no plan has no pace.
 */
import { ceilDivide } from '../money/money';
import type { MonthState } from '../month/month-state';
import { addDays, type LocalDate } from '../time/calendar';
import { HOUR_MS, type CooldownEvent } from './cooldown';

/** Pace levels from calm to critical. */
export type PaceLevel = 'none' | 'watch' | 'warning' | 'critical';

/** Thresholds as exact fractions, highest first. */
export const PACE_THRESHOLDS: readonly {
  level: PaceLevel;
  numerator: number;
  denominator: number;
}[] = [
  { level: 'critical', numerator: 2, denominator: 1 },
  { level: 'warning', numerator: 3, denominator: 2 },
  { level: 'watch', numerator: 6, denominator: 5 },
];

/** Pace is judged from this many elapsed days. */
export const PACE_MIN_DAYS = 3;
/** Cooldown of pace alerts per category. */
export const PACE_COOLDOWN_MS = 24 * HOUR_MS;

const RANK: Readonly<Record<PaceLevel, number>> = { none: 0, watch: 1, warning: 2, critical: 3 };

/** Inputs of a pace computation. */
export interface PaceInput {
  readonly spentMinor: number;
  readonly planMinor: number;
  readonly elapsedDays: number;
  readonly planDays: number;
  /** The plan's first day, to date the run-out day. */
  readonly firstDate: LocalDate;
}

/** A pace reading. */
export interface Pace {
  readonly level: PaceLevel;
  /** For display; levels use exact comparisons. Null when there is no pace. */
  readonly ratio: number | null;
  /** The day cumulative spending reaches the plan at this pace, or null if not this month. */
  readonly runOutOn: LocalDate | null;
}

const NO_PACE: Pace = { level: 'none', ratio: null, runOutOn: null };

/** Pace level, ratio and run-out day of spending against a month plan. */
export function computePace(input: PaceInput): Pace {
  const { spentMinor, planMinor, elapsedDays, planDays } = input;
  if (elapsedDays < PACE_MIN_DAYS || planMinor <= 0 || planDays <= 0) return NO_PACE;
  const actual = spentMinor * planDays;
  const planned = planMinor * elapsedDays;
  const hit = PACE_THRESHOLDS.find((t) => actual * t.denominator >= t.numerator * planned);
  const runOutDay = spentMinor > 0 ? ceilDivide(planMinor * elapsedDays, spentMinor) : Infinity;
  return {
    level: hit?.level ?? 'none',
    ratio: actual / planned,
    runOutOn: runOutDay <= planDays ? addDays(input.firstDate, runOutDay - 1) : null,
  };
}

/** Pace of one category in a month state (none for sacred or fixed categories). */
export function paceOf(state: MonthState, categoryId: string): Pace {
  const info = state.categoryInfo(categoryId);
  if (info === undefined || info.priority === 'sacred' || info.behaviour === 'fixed')
    return NO_PACE;
  if (!state.today.startsWith(`${state.month}-`)) return NO_PACE;
  const today = Number(state.today.slice(8, 10));
  return computePace({
    spentMinor: state.spentThrough(categoryId, today),
    planMinor: info.planMinor,
    elapsedDays: today - state.firstDay + 1,
    planDays: state.daysInMonth - state.firstDay + 1,
    firstDate: `${state.month}-${String(state.firstDay).padStart(2, '0')}`,
  });
}

/** A pace level newly reached by a category. */
export interface PaceAlert extends CooldownEvent, Pace {
  readonly categoryId: string;
}

/** Categories whose pace level rose between two states, with a 24 h cooldown key per category. */
export function diffPaceAlerts(previous: MonthState | null, next: MonthState): PaceAlert[] {
  const before = previous !== null && previous.month === next.month ? previous : null;
  const alerts: PaceAlert[] = [];
  for (const categoryId of next.categoryIds) {
    const pace = paceOf(next, categoryId);
    const was = before === null ? 'none' : paceOf(before, categoryId).level;
    if (RANK[pace.level] <= RANK[was]) continue;
    alerts.push({
      ...pace,
      categoryId,
      cooldownKey: `pace:${categoryId}`,
      cooldownMs: PACE_COOLDOWN_MS,
    });
  }
  return alerts;
}
