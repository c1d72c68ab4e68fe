import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { epochMsOf, isValidTimeZone, localDateOf, localDayBounds, localMonthBounds } from './zone';

describe('localDateOf', () => {
  it.each([
    ['2026-03-01T03:30Z', 'America/New_York', '2026-02-28'],
    ['2026-03-01T05:00Z', 'America/New_York', '2026-03-01'],
    ['2026-03-01T03:30Z', 'UTC', '2026-03-01'],
    ['2026-02-28T23:30:00Z', 'Asia/Tokyo', '2026-03-01'],
    ['2026-03-14T18:14:59Z', 'Asia/Kathmandu', '2026-03-14'],
    ['2026-03-14T18:15:00Z', 'Asia/Kathmandu', '2026-03-15'],
    ['2026-01-01T00:00:00+14:00', 'Pacific/Kiritimati', '2026-01-01'],
    ['2025-12-31T23:59:59.999-05:00', 'America/New_York', '2025-12-31'],
    // New York DST starts 2026-03-08 at 02:00 local (07:00Z), ends 2026-11-01 at 02:00 local.
    ['2026-03-08T04:59:59Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-09T03:59:59Z', 'America/New_York', '2026-03-08'],
    ['2026-03-09T04:00:00Z', 'America/New_York', '2026-03-09'],
    ['2026-11-02T04:59:59Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T05:00:00Z', 'America/New_York', '2026-11-02'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(localDateOf(instant, zone)).toBe(date);
  });

  it('accepts Date and epoch milliseconds', () => {
    expect(localDateOf(new Date('2026-03-01T03:30:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(localDateOf(Date.UTC(2026, 2, 1, 3, 30), 'America/New_York')).toBe('2026-02-28');
  });

  it.each([
    ['2026-03-01 03:30Z'],
    ['2026-03-01T03:30'],
    ['2026-02-30T00:00Z'],
    ['2026-03-01T24:00Z'],
    ['March 1, 2026'],
  ])('%s is not an instant', (text) => {
    expectCode(() => epochMsOf(text), 'INSTANT_INVALID');
  });

  it.each([['Mars/Olympus'], ['+05:00'], [''], ['America/New York']])(
    '%s is not a zone',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
      expectCode(() => localDateOf('2026-03-01T00:00Z', zone), 'TIMEZONE_INVALID');
    },
  );
});

describe('local day and month bounds', () => {
  it.each([
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z', 23],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z', 25],
    ['2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z', 23],
    // Santiago and Beirut switch at midnight: the day starts at 01:00 local.
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z', '2026-09-07T03:00:00.000Z', 23],
    ['2026-03-29', 'Asia/Beirut', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z', 23],
    [
      '2026-10-04',
      'Australia/Lord_Howe',
      '2026-10-03T13:30:00.000Z',
      '2026-10-04T13:00:00.000Z',
      23.5,
    ],
    ['2026-06-15', 'UTC', '2026-06-15T00:00:00.000Z', '2026-06-16T00:00:00.000Z', 24],
  ])('%s in %s runs %s → %s (%f h)', (date, zone, startsAt, endsAt, hours) => {
    const bounds = localDayBounds(date, zone);
    expect(bounds).toEqual({ startsAt, endsAt });
    expect((Date.parse(endsAt) - Date.parse(startsAt)) / 3_600_000).toBe(hours);
    expect(localDateOf(startsAt, zone)).toBe(date);
    expect(localDateOf(Date.parse(startsAt) - 1, zone)).not.toBe(date);
  });

  it.each([
    ['2026-03', 'America/New_York', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
    ['2026-12', 'Asia/Tokyo', '2026-11-30T15:00:00.000Z', '2026-12-31T15:00:00.000Z'],
    ['2024-02', 'UTC', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
  ])('month %s in %s runs %s → %s', (month, zone, startsAt, endsAt) => {
    expect(localMonthBounds(month, zone)).toEqual({ startsAt, endsAt });
  });
});
