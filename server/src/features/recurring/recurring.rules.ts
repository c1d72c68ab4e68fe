import { createHash } from 'node:crypto';
import {
  addDays,
  compareLocalDates,
  dayOfMonth,
  daysBetween,
  daysInMonth,
  monthOf,
  monthsBetween,
  weekdayOf,
  type LocalDate,
} from '@pace/engine';
import type { RECURRING_FREQUENCIES } from './recurring.table';

/** How a schedule repeats; `interval` counts these units. */
export type RecurringFrequencyName = (typeof RECURRING_FREQUENCIES)[number];

/**
 * A schedule. Occurrences are local dates in the person's time zone, so a DST change never moves
 * one. The phase of "every N" (days, weeks, months, years) counts from `anchorOn`, which is the
 * first `startOn` and survives an edit from a date on, so splitting a rule never shifts its rhythm.
 */
export interface Schedule {
  frequency: RecurringFrequencyName;
  /** Every `interval` days / weeks / months / years (1 or more). */
  interval: number;
  /** weekly: weekday (0 Sunday … 6 Saturday); monthly, yearly: day of the month (1–31); else unused. */
  dayNumber: number;
  /** yearly: the month (1–12); else unused. */
  monthOfYear: number | null;
  /** Where the "every N" count starts; null: `startOn`. */
  anchorOn: LocalDate | null;
  startOn: LocalDate;
  endOn: LocalDate | null;
}

/** What a schedule's input may be; the message names the first problem, or null when it is valid. */
export function scheduleProblem(schedule: Omit<Schedule, 'anchorOn' | 'startOn' | 'endOn'>) {
  const { frequency, interval, dayNumber, monthOfYear } = schedule;
  if (!Number.isInteger(interval) || interval < 1 || interval > 366)
    return 'interval must be a whole number from 1 to 366.';
  if (frequency === 'weekly' && !inRange(dayNumber, 0, 6))
    return 'dayNumber must be 0–6 (Sunday … Saturday) for a weekly schedule.';
  if ((frequency === 'monthly' || frequency === 'yearly') && !inRange(dayNumber, 1, 31))
    return `dayNumber must be 1–31 for a ${frequency} schedule.`;
  if (frequency === 'yearly') {
    if (monthOfYear === null || !inRange(monthOfYear, 1, 12))
      return 'month must be 1–12 for a yearly schedule.';
    // A leap year's month length: 29 February is a valid yearly day (28 February in common years).
    if (dayNumber > daysInMonth(`2024-${String(monthOfYear).padStart(2, '0')}`))
      return `day ${dayNumber} does not exist in month ${monthOfYear}.`;
  }
  return null;
}

function inRange(value: number, lo: number, hi: number): boolean {
  return Number.isInteger(value) && value >= lo && value <= hi;
}

/**
 * Whether a date is an occurrence of a schedule. A day of the month past the month's end falls on
 * its last day (31 → 30 April, 28/29 February); a yearly 29 February falls on 28 February in
 * common years.
 */
export function isOccurrence(schedule: Schedule, date: LocalDate): boolean {
  if (compareLocalDates(date, schedule.startOn) < 0) return false;
  if (schedule.endOn !== null && compareLocalDates(date, schedule.endOn) > 0) return false;
  const anchor = schedule.anchorOn ?? schedule.startOn;
  const every = Math.max(1, schedule.interval);
  const day = dayOfMonth(date);
  const lastDay = daysInMonth(monthOf(date));
  switch (schedule.frequency) {
    case 'daily': {
      const gap = daysBetween(anchor, date);
      return gap >= 0 && gap % every === 0;
    }
    case 'weekly': {
      if (weekdayOf(date) !== schedule.dayNumber) return false;
      const weeks = Math.floor(daysBetween(anchor, date) / 7);
      return weeks >= 0 && weeks % every === 0;
    }
    case 'monthly':
      return day === Math.min(schedule.dayNumber, lastDay) && monthsApart(anchor, date, every);
    case 'month_end':
      return day === lastDay && monthsApart(anchor, date, every);
    case 'yearly':
      return (
        Number(date.slice(5, 7)) === schedule.monthOfYear &&
        day === Math.min(schedule.dayNumber, lastDay) &&
        yearsApart(anchor, date, every)
      );
  }
}

function monthsApart(anchor: LocalDate, date: LocalDate, every: number): boolean {
  const months = monthsBetween(monthOf(anchor), monthOf(date));
  return months >= 0 && months % every === 0;
}

function yearsApart(anchor: LocalDate, date: LocalDate, every: number): boolean {
  const years = Number(date.slice(0, 4)) - Number(anchor.slice(0, 4));
  return years >= 0 && years % every === 0;
}

/** The schedules with an occurrence on `date`. */
export function schedulesDueOn<T extends Schedule>(schedules: readonly T[], date: LocalDate): T[] {
  return schedules.filter((schedule) => isOccurrence(schedule, date));
}

/** Occurrences after `after` (exclusive; null: from the start) up to `through` (inclusive), oldest first. */
export function occurrencesBetween(
  schedule: Schedule,
  after: LocalDate | null,
  through: LocalDate,
): LocalDate[] {
  const dates: LocalDate[] = [];
  let date =
    after === null || compareLocalDates(after, schedule.startOn) < 0
      ? schedule.startOn
      : addDays(after, 1);
  const last =
    schedule.endOn !== null && compareLocalDates(schedule.endOn, through) < 0
      ? schedule.endOn
      : through;
  while (compareLocalDates(date, last) <= 0) {
    if (isOccurrence(schedule, date)) dates.push(date);
    date = addDays(date, 1);
  }
  return dates;
}

/** A name-based (version 5) UUID: the same recurring id and date always give the same id. */
export function occurrenceId(recurringId: string, date: LocalDate): string {
  const namespace = Buffer.from(recurringId.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(date).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
