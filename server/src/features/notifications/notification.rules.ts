import { offsetMinutesAt, PACE_COOLDOWN_MS, WIN_COOLDOWN_MS } from '@pace/engine';
import type { NotificationType } from './notification.table';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A group key of a once-only alert (its key already names the day or the record) never repeats. */
const FOREVER_MS = 100 * 365 * DAY_MS;

/**
 * How long a group key holds back another notification of the same key (domain §5): pace 24 h
 * per category, wins 7 days, the morning note once a day; budget levels, large transactions,
 * deficits and goal milestones are once per key (their keys carry the day or the record).
 */
export function dedupWindowMs(type: NotificationType): number {
  switch (type) {
    case 'pace':
      return PACE_COOLDOWN_MS;
    case 'win':
      return WIN_COOLDOWN_MS;
    case 'morning':
      return DAY_MS - MINUTE_MS;
    case 'budget_level':
    case 'large_transaction':
    case 'deficit':
    case 'goal_milestone':
    case 'webhook_disabled':
    case 'bill_due':
      return FOREVER_MS;
  }
}

export interface QuietHours {
  /** Minutes after local midnight, 0–1439; start after end spans midnight. */
  startMinute: number;
  endMinute: number;
}

/**
 * How long until the quiet hours end, or 0 outside them (start = end: none). Local time is read
 * from the zone's offset at `now`; across a DST change the re-check after the delay adjusts.
 */
export function quietDelayMs(now: Date, timeZone: string, quiet: QuietHours | null): number {
  if (!quiet || quiet.startMinute === quiet.endMinute) return 0;
  const localMs = now.getTime() + offsetMinutesAt(timeZone, now.getTime()) * MINUTE_MS;
  const msOfDay = ((localMs % DAY_MS) + DAY_MS) % DAY_MS;
  const minute = Math.floor(msOfDay / MINUTE_MS);
  const { startMinute: start, endMinute: end } = quiet;
  const inQuiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inQuiet) return 0;
  return (end * MINUTE_MS - msOfDay + DAY_MS) % DAY_MS;
}
