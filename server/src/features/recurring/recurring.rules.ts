import { createHash } from 'node:crypto';
import {
  addDays,
  compareLocalDates,
  daysInMonth,
  monthOf,
  weekdayOf,
  type LocalDate,
} from '@pace/engine';

export interface Schedule {
  frequency: 'monthly' | 'weekly';
  /** Day of the month (1–31) or weekday (0 Sunday … 6 Saturday). */
  dayNumber: number;
  startOn: LocalDate;
  endOn: LocalDate | null;
}

/** Whether a date is an occurrence of a schedule (a monthly day past the month's end falls on its last day). */
export function isOccurrence(schedule: Schedule, date: LocalDate): boolean {
  if (compareLocalDates(date, schedule.startOn) < 0) return false;
  if (schedule.endOn !== null && compareLocalDates(date, schedule.endOn) > 0) return false;
  if (schedule.frequency === 'weekly') return weekdayOf(date) === schedule.dayNumber;
  const day = Math.min(schedule.dayNumber, daysInMonth(monthOf(date)));
  return Number(date.slice(8, 10)) === day;
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
  while (compareLocalDates(date, through) <= 0) {
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
