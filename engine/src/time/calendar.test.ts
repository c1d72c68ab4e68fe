import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectCode } from '../../test/expect-code';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  epochDayOf,
  isLeapYear,
  isLocalDate,
  monthsBetween,
  parseLocalDate,
  partsOfEpochDay,
  weekdayOf,
} from './calendar';

describe('month lengths', () => {
  it.each([
    ['2026-01', 31],
    ['2026-02', 28],
    ['2024-02', 29],
    ['2000-02', 29],
    ['1900-02', 28],
    ['2100-02', 28],
    ['2026-04', 30],
    ['2026-12', 31],
  ])('%s has %i days', (month, days) => {
    expect(daysInMonth(month)).toBe(days);
  });

  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
  ])('%i leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-15', 365, '2027-01-15'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-02-01', 0],
    ['2026-02-28', 6],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('%s is weekday %i (0 = Sunday)', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['2026-02-29'],
    ['2026-13-01'],
    ['2026-1-01'],
    ['26-01-01'],
    ['2026-04-31'],
    ['0000-01-01'],
  ])('%s is not a date', (text) => {
    expect(isLocalDate(text)).toBe(false);
    expectCode(() => parseLocalDate(text), 'DATE_INVALID');
  });

  it.each([
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', 14, '2027-05'],
  ])('%s + %i months = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
    expect(monthsBetween(month, expected)).toBe(n);
  });

  it('day numbers round-trip and agree with the UTC calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const parts = partsOfEpochDay(day);
        expect(epochDayOf(parts)).toBe(day);
        const utc = new Date(day * 86_400_000);
        expect(parts).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('daysBetween counts calendar days', () => {
    expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
  });
});
