import { offsetMinutesAt, PACE_COOLDOWN_MS, WIN_COOLDOWN_MS } from '@pace/engine';
import type { NotificationParams, NotificationType } from './notification.table';

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

export interface NotificationText {
  title: string;
  body: string;
}

const text = (params: NotificationParams, key: string): string => String(params[key] ?? '');

/**
 * English words for channels that leave the app (push, e-mail); in the app the PWA words the
 * same type and params in the person's language.
 */
export function notificationText(
  type: NotificationType,
  params: NotificationParams,
): NotificationText {
  const category = text(params, 'categoryName');
  switch (type) {
    case 'budget_level':
      return {
        title: `${category}: ${text(params, 'level')}% of today’s budget`,
        body: `You have spent ${text(params, 'amount')} of ${text(params, 'allocation')} ${text(params, 'currency')} today.`,
      };
    case 'pace':
      return {
        title: `${category} is going fast`,
        body: params.runOutOn
          ? `At this pace its month budget runs out on ${text(params, 'runOutOn')}.`
          : `Spending is ahead of plan this month (${text(params, 'paceLevel')}).`,
      };
    case 'large_transaction':
      return {
        title: 'Large expense',
        body: `${text(params, 'amount')} ${text(params, 'currency')} in ${category}.`,
      };
    case 'deficit':
      return {
        title: 'Your month is over budget',
        body: `No category can cover ${text(params, 'amount')} ${text(params, 'currency')} any more.`,
      };
    case 'goal_milestone':
      return {
        title: `${category}: ${text(params, 'milestone')}% saved`,
        body: `You have put aside ${text(params, 'amount')} ${text(params, 'currency')}.`,
      };
    case 'win':
      return {
        title: `${text(params, 'streakDays')} days under plan`,
        body: `Each of the last ${text(params, 'milestone')} days stayed within 80% of plan. Well done!`,
      };
    case 'morning':
      return {
        title: 'Today’s budget',
        body:
          text(params, 'advice') ||
          `You can spend ${text(params, 'amount')} ${text(params, 'currency')} today.`,
      };
  }
}
