import { describe, expect, it } from 'vitest';
import { localDateOf } from '@pace/engine';
import {
  isOccurrence,
  occurrencesBetween,
  scheduleProblem,
  type Schedule,
} from './recurring.rules';

const base: Schedule = {
  frequency: 'monthly',
  interval: 1,
  dayNumber: 1,
  monthOfYear: null,
  anchorOn: null,
  startOn: '2026-01-01',
  endOn: null,
};

describe('recurring schedules', () => {
  it.each<[string, Partial<Schedule>, string, string, string[]]>([
    [
      'monthly day 31 falls on each month’s last day',
      { dayNumber: 31 },
      '2026-01-01',
      '2026-05-31',
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'],
    ],
    [
      'monthly day 30 in a leap February is its 29th',
      { dayNumber: 30, startOn: '2028-01-01' },
      '2028-01-01',
      '2028-03-31',
      ['2028-01-30', '2028-02-29', '2028-03-30'],
    ],
    [
      'every 2 months counts from the start month',
      { dayNumber: 15, interval: 2, startOn: '2026-01-20' },
      '2026-01-01',
      '2026-07-31',
      ['2026-03-15', '2026-05-15', '2026-07-15'],
    ],
    [
      'last day of month, leap and common Februaries',
      { frequency: 'month_end', dayNumber: 31, startOn: '2027-12-01' },
      '2027-12-01',
      '2028-03-31',
      ['2027-12-31', '2028-01-31', '2028-02-29', '2028-03-31'],
    ],
    [
      'yearly 29 February is 28 February in common years',
      { frequency: 'yearly', dayNumber: 29, monthOfYear: 2, startOn: '2027-01-01' },
      '2027-01-01',
      '2029-12-31',
      ['2027-02-28', '2028-02-29', '2029-02-28'],
    ],
    [
      'every 2 years from a start after this year’s date',
      { frequency: 'yearly', dayNumber: 10, monthOfYear: 3, interval: 2, startOn: '2026-06-01' },
      '2026-01-01',
      '2031-12-31',
      ['2028-03-10', '2030-03-10'],
    ],
    [
      'every 3 days across a month end',
      { frequency: 'daily', dayNumber: 0, interval: 3, startOn: '2026-01-28' },
      '2026-01-01',
      '2026-02-09',
      ['2026-01-28', '2026-01-31', '2026-02-03', '2026-02-06', '2026-02-09'],
    ],
    [
      'every 2 weeks on Monday, counted from a Wednesday start',
      { frequency: 'weekly', dayNumber: 1, interval: 2, startOn: '2026-03-04' },
      '2026-03-01',
      '2026-04-30',
      ['2026-03-09', '2026-03-23', '2026-04-06', '2026-04-20'],
    ],
    [
      'weekly across the US DST change (8 March 2026): local dates, one each week',
      { frequency: 'weekly', dayNumber: 0, startOn: '2026-03-01' },
      '2026-03-01',
      '2026-03-22',
      ['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22'],
    ],
    [
      'daily through the European DST change (29 March 2026): every date once',
      { frequency: 'daily', dayNumber: 0, startOn: '2026-03-28' },
      '2026-03-28',
      '2026-03-30',
      ['2026-03-28', '2026-03-29', '2026-03-30'],
    ],
    [
      'an anchor keeps the rhythm of a rule split on a later date',
      {
        frequency: 'weekly',
        dayNumber: 1,
        interval: 2,
        anchorOn: '2026-03-04',
        startOn: '2026-03-10',
      },
      '2026-03-01',
      '2026-04-10',
      ['2026-03-23', '2026-04-06'],
    ],
    [
      'nothing after endOn',
      { dayNumber: 5, endOn: '2026-03-04' },
      '2026-01-01',
      '2026-06-30',
      ['2026-01-05', '2026-02-05'],
    ],
  ])('%s', (_name, change, from, through, expected) => {
    const schedule = { ...base, ...change };
    const after = from === schedule.startOn ? null : from;
    expect(occurrencesBetween(schedule, after, through)).toEqual(
      expected.filter((d) => after === null || d > after),
    );
  });

  it('the person’s local day decides which occurrence is due, whatever the UTC date', () => {
    // 8 March 2026 02:30 in New York is the DST jump; 03:30 UTC on the 9th is still the 8th there.
    const today = localDateOf(new Date('2026-03-09T03:30:00Z'), 'America/New_York');
    expect(today).toBe('2026-03-08');
    const weekly = { ...base, frequency: 'weekly' as const, dayNumber: 0, startOn: '2026-03-01' };
    expect(occurrencesBetween(weekly, '2026-03-01', today)).toEqual(['2026-03-08']);
    expect(isOccurrence(weekly, '2026-03-09')).toBe(false);
  });

  it.each<[string, Parameters<typeof scheduleProblem>[0], string | null]>([
    [
      'weekly 7',
      { frequency: 'weekly', interval: 1, dayNumber: 7, monthOfYear: null },
      'dayNumber must be 0–6 (Sunday … Saturday) for a weekly schedule.',
    ],
    [
      'monthly 0',
      { frequency: 'monthly', interval: 1, dayNumber: 0, monthOfYear: null },
      'dayNumber must be 1–31 for a monthly schedule.',
    ],
    [
      'interval 0',
      { frequency: 'daily', interval: 0, dayNumber: 0, monthOfYear: null },
      'interval must be a whole number from 1 to 366.',
    ],
    [
      'yearly no month',
      { frequency: 'yearly', interval: 1, dayNumber: 1, monthOfYear: null },
      'month must be 1–12 for a yearly schedule.',
    ],
    [
      'yearly 31 April',
      { frequency: 'yearly', interval: 1, dayNumber: 31, monthOfYear: 4 },
      'day 31 does not exist in month 4.',
    ],
    ['yearly 29 Feb', { frequency: 'yearly', interval: 1, dayNumber: 29, monthOfYear: 2 }, null],
    ['month end', { frequency: 'month_end', interval: 1, dayNumber: 31, monthOfYear: null }, null],
  ])('validates %s', (_name, schedule, problem) => {
    expect(scheduleProblem(schedule)).toBe(problem);
  });
});
