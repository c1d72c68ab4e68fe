/**
 * Civil (proleptic Gregorian) calendar arithmetic on local dates, with no time zone involved:
 * a `LocalDate` is a day on the user's wall calendar (`"2026-02-28"`), a `LocalMonth` a month
 * (`"2026-02"`). Days are counted from 1970-01-01 with Howard Hinnant's civil-day formulas, so
 * month lengths, leap years and weekdays never depend on the host's zone or on DST.
 */
import { EngineError } from '../errors';

/** A calendar date `YYYY-MM-DD` in the user's local calendar. */
export type LocalDate = string;
/** A calendar month `YYYY-MM`. */
export type LocalMonth = string;

/** Year, month (1–12) and day (1–31) of a local date. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Tells whether a Gregorian year is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function lengthOf(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

/** Parses `YYYY-MM-DD` into parts; throws DATE_INVALID for anything that is not a real date. */
export function parseLocalDate(text: string): DateParts {
  const match = DATE_RE.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (
    match === null ||
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > lengthOf(year, month)
  ) {
    throw new EngineError('DATE_INVALID', `"${text}" is not a valid date (YYYY-MM-DD)`, { text });
  }
  return { year, month, day };
}

/** Parses `YYYY-MM` into year and month; throws MONTH_INVALID. */
export function parseLocalMonth(text: string): { year: number; month: number } {
  const match = MONTH_RE.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match === null || year < 1 || month < 1 || month > 12) {
    throw new EngineError('MONTH_INVALID', `"${text}" is not a valid month (YYYY-MM)`, { text });
  }
  return { year, month };
}

/** Tells whether text is a valid `YYYY-MM-DD` date. */
export function isLocalDate(text: string): boolean {
  const match = DATE_RE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOf(year, month);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats parts as `YYYY-MM-DD`. */
export function formatLocalDate(parts: DateParts): LocalDate {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** Number of days in a month, leap years included (`"2024-02"` → 29, `"2100-02"` → 28). */
export function daysInMonth(month: LocalMonth): number {
  const parts = parseLocalMonth(month);
  return lengthOf(parts.year, parts.month);
}

/** Day number since 1970-01-01 of a civil date (negative before). */
export function epochDayOf(parts: DateParts): number {
  const year = parts.month <= 2 ? parts.year - 1 : parts.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const shiftedMonth = (parts.month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + parts.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Civil date of a day number since 1970-01-01. */
export function partsOfEpochDay(epochDay: number): DateParts {
  const shifted = epochDay + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Adds (or subtracts) whole days to a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return formatLocalDate(partsOfEpochDay(epochDayOf(parseLocalDate(date)) + days));
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDayOf(parseLocalDate(to)) - epochDayOf(parseLocalDate(from));
}

/** Weekday of a local date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: LocalDate): number {
  return weekdayOfEpochDay(epochDayOf(parseLocalDate(date)));
}

/** Weekday of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** The month a date belongs to (`"2026-02-28"` → `"2026-02"`). */
export function monthOf(date: LocalDate): LocalMonth {
  parseLocalDate(date);
  return date.slice(0, 7);
}

/** Day of month (1–31) of a date. */
export function dayOfMonth(date: LocalDate): number {
  return parseLocalDate(date).day;
}

/** The date of day `day` in `month`; throws DATE_INVALID when the month has no such day. */
export function dateInMonth(month: LocalMonth, day: number): LocalDate {
  const parts = parseLocalMonth(month);
  if (!Number.isInteger(day) || day < 1 || day > lengthOf(parts.year, parts.month)) {
    throw new EngineError('DATE_INVALID', `${month} has no day ${day}`, { month, day });
  }
  return formatLocalDate({ year: parts.year, month: parts.month, day });
}

/** Adds whole months to a month (`"2026-12"` + 1 → `"2027-01"`). */
export function addMonths(month: LocalMonth, months: number): LocalMonth {
  const parts = parseLocalMonth(month);
  const index = parts.year * 12 + parts.month - 1 + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}

/** Whole months from `from` to `to` (`"2026-03"` → `"2026-05"` is 2). */
export function monthsBetween(from: LocalMonth, to: LocalMonth): number {
  const a = parseLocalMonth(from);
  const b = parseLocalMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Compares two dates (or two months) in calendar order: negative, zero or positive. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
