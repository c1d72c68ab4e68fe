/**
 * Habits (domain §6): check-ins are per local day and idempotent; a habit's target frequency
 * (daily, weekly, monthly, `timesPerPeriod` times) gives streaks and a completion rate.
 *
 * Decisions: weeks start on Monday unless `weekStartsOn` says otherwise; check-ins before the
 * habit started or after today are ignored; the current period counts toward the streak and the
 * rate only once complete (an unfinished week does not break a streak, nor lower the rate).
 */
import { EngineError } from '../errors';
import { epochDayOf, parseLocalDate, weekdayOfEpochDay, type LocalDate } from '../time/calendar';

/** How often a habit should be done. */
export type HabitFrequency = 'daily' | 'weekly' | 'monthly';

/** What habit statistics need. */
export interface HabitInput {
  readonly frequency: HabitFrequency;
  /** Check-ins needed per period; default 1. */
  readonly timesPerPeriod?: number;
  readonly startedOn: LocalDate;
  readonly checkIns: readonly LocalDate[];
  readonly today: LocalDate;
  /** 0 Sunday … 6 Saturday; default 1 (Monday). */
  readonly weekStartsOn?: number;
}

/** Streaks and completion of a habit. */
export interface HabitStats {
  readonly currentStreak: number;
  readonly longestStreak: number;
  readonly completedPeriods: number;
  /** Finished periods plus the current one when it is already complete. */
  readonly judgedPeriods: number;
  /** completed / judged, or null before any period could be judged. */
  readonly completionRate: number | null;
  readonly checkInsThisPeriod: number;
  readonly isCurrentPeriodComplete: boolean;
}

/** Adds a check-in for a local day; checking in twice on the same day changes nothing. */
export function addCheckIn(checkIns: readonly LocalDate[], date: LocalDate): LocalDate[] {
  parseLocalDate(date);
  return [...new Set([...checkIns, date])].sort();
}

function periodOf(date: LocalDate, frequency: HabitFrequency, weekStartsOn: number): number {
  const parts = parseLocalDate(date);
  if (frequency === 'monthly') return parts.year * 12 + parts.month - 1;
  const day = epochDayOf(parts);
  if (frequency === 'daily') return day;
  const back = (weekdayOfEpochDay(day) - weekStartsOn + 7) % 7;
  return Math.floor((day - back) / 7);
}

function checkInput(input: HabitInput): number {
  const times = input.timesPerPeriod ?? 1;
  const start = input.weekStartsOn ?? 1;
  if (!Number.isInteger(times) || times < 1 || !Number.isInteger(start) || start < 0 || start > 6) {
    throw new EngineError('INPUT_INVALID', 'timesPerPeriod ≥ 1 and weekStartsOn 0–6 are required', {
      timesPerPeriod: times,
      weekStartsOn: start,
    });
  }
  return times;
}

/** Streaks and completion rate of a habit as of today. */
export function computeHabitStats(input: HabitInput): HabitStats {
  const times = checkInput(input);
  const week = input.weekStartsOn ?? 1;
  const period = (date: LocalDate): number => periodOf(date, input.frequency, week);
  const first = period(input.startedOn);
  const current = period(input.today);
  const counts = new Map<number, number>();
  for (const date of new Set(input.checkIns)) {
    if (date < input.startedOn || date > input.today) continue;
    counts.set(period(date), (counts.get(period(date)) ?? 0) + 1);
  }
  const isDone = (p: number): boolean => (counts.get(p) ?? 0) >= times;
  const isCurrentPeriodComplete = isDone(current);
  const lastJudged = isCurrentPeriodComplete ? current : current - 1;
  let completedPeriods = 0;
  let run = 0;
  let longestStreak = 0;
  for (let p = first; p <= lastJudged; p += 1) {
    run = isDone(p) ? run + 1 : 0;
    if (isDone(p)) completedPeriods += 1;
    longestStreak = Math.max(longestStreak, run);
  }
  const judgedPeriods = Math.max(0, lastJudged - first + 1);
  return {
    currentStreak: run,
    longestStreak,
    completedPeriods,
    judgedPeriods,
    completionRate: judgedPeriods === 0 ? null : completedPeriods / judgedPeriods,
    checkInsThisPeriod: counts.get(current) ?? 0,
    isCurrentPeriodComplete,
  };
}
