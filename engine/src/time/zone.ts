/**
 * Instants and IANA time zones. Instants are UTC (ISO 8601 strings with `Z` or an offset, epoch
 * milliseconds, or Date); every calendar question ("which day is this?", "when does the month
 * start?") is answered in the user's zone, with offsets read from the runtime's tz database through
 * `@date-fns/tz`, so DST days of 23 or 25 hours and midnight gaps are handled.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import { EngineError } from '../errors';
import {
  epochDayOf,
  formatLocalDate,
  isLocalDate,
  parseLocalDate,
  parseLocalMonth,
  partsOfEpochDay,
  type LocalDate,
  type LocalMonth,
} from './calendar';

/** A point in time: ISO 8601 text with zone designator, epoch milliseconds, or a Date. */
export type Instant = string | number | Date;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;
// IANA names are path-like (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`, `UTC`); this keeps
// raw offsets such as "+05:00", which Intl also accepts, out of user settings.
const ZONE_NAME_RE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const knownZones = new Set<string>();

/** Tells whether a string names an IANA time zone known to the runtime. */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  if (!ZONE_NAME_RE.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

/** Returns the zone unchanged, or throws TIMEZONE_INVALID. */
export function assertTimeZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) {
    throw new EngineError('TIMEZONE_INVALID', `Unknown time zone "${timeZone}"`, { timeZone });
  }
  return timeZone;
}

function invalidInstant(instant: Instant): EngineError {
  const text = instant instanceof Date ? 'Invalid Date' : String(instant);
  return new EngineError('INSTANT_INVALID', `"${text}" is not a valid instant`, { instant: text });
}

function parseIso(text: string): number {
  const m = ISO_RE.exec(text);
  const date = m === null ? '' : `${m[1]}-${m[2]}-${m[3]}`;
  if (m === null || !isLocalDate(date)) throw invalidInstant(text);
  const [hour, minute, second, offsetHours, offsetMins] = [4, 5, 6, 10, 11].map((i) =>
    Number(m[i] ?? 0),
  );
  if (
    [hour, minute, second, offsetHours, offsetMins].some(
      (v, i) => (v ?? 0) > (i === 0 || i === 3 ? 23 : 59),
    )
  ) {
    throw invalidInstant(text);
  }
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = (m[9] === '-' ? -1 : 1) * ((offsetHours ?? 0) * 60 + (offsetMins ?? 0));
  const clock = ((hour ?? 0) * 60 + (minute ?? 0)) * MINUTE_MS + (second ?? 0) * 1000 + millis;
  return epochDayOf(parseLocalDate(date)) * DAY_MS + clock - offset * MINUTE_MS;
}

/** Converts an instant to epoch milliseconds; throws INSTANT_INVALID. */
export function epochMsOf(instant: Instant): number {
  const ms =
    typeof instant === 'string'
      ? parseIso(instant)
      : instant instanceof Date
        ? instant.getTime()
        : instant;
  if (!Number.isSafeInteger(ms)) throw invalidInstant(instant);
  return ms;
}

/** UTC offset of the zone at an instant, in minutes east of UTC (New York in winter: −300). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  return tzOffset(assertTimeZone(timeZone), new Date(epochMs));
}

function localEpochDay(epochMs: number, timeZone: string): number {
  return Math.floor((epochMs + offsetMinutesAt(timeZone, epochMs) * MINUTE_MS) / DAY_MS);
}

/** The user's local date of an instant (2026-03-01T03:30Z in America/New_York → 2026-02-28). */
export function localDateOf(instant: Instant, timeZone: string): LocalDate {
  return formatLocalDate(partsOfEpochDay(localEpochDay(epochMsOf(instant), timeZone)));
}

/** The user's local month of an instant. */
export function localMonthOf(instant: Instant, timeZone: string): LocalMonth {
  return localDateOf(instant, timeZone).slice(0, 7);
}

function startOfEpochDay(epochDay: number, timeZone: string): number {
  const wallMidnight = epochDay * DAY_MS;
  // The offset just before and just after the day bounds every transition that can touch midnight.
  const candidates = [-DAY_MS, DAY_MS].map(
    (probe) => wallMidnight - offsetMinutesAt(timeZone, wallMidnight + probe) * MINUTE_MS,
  );
  const valid = candidates.filter(
    (t) => localEpochDay(t, timeZone) === epochDay && localEpochDay(t - 1, timeZone) < epochDay,
  );
  if (valid.length > 0) return Math.min(...valid);
  // Midnight falls in a DST gap: the day starts at the transition, found by bisection.
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (localEpochDay(mid, timeZone) >= epochDay) high = mid;
    else low = mid;
  }
  return high;
}

/** Start and end (exclusive) instants of a span of local days, as ISO strings in UTC. */
export interface InstantRange {
  readonly startsAt: string;
  readonly endsAt: string;
}

/** The instants bounding a local day; 23 or 25 hours apart on DST days. */
export function localDayBounds(date: LocalDate, timeZone: string): InstantRange {
  const epochDay = epochDayOf(parseLocalDate(date));
  return {
    startsAt: new Date(startOfEpochDay(epochDay, timeZone)).toISOString(),
    endsAt: new Date(startOfEpochDay(epochDay + 1, timeZone)).toISOString(),
  };
}

/** The instants bounding a local month (first instant of day 1 to first instant of next month). */
export function localMonthBounds(month: LocalMonth, timeZone: string): InstantRange {
  const { year, month: monthNumber } = parseLocalMonth(month);
  const first = epochDayOf({ year, month: monthNumber, day: 1 });
  const next = epochDayOf({
    year: monthNumber === 12 ? year + 1 : year,
    month: (monthNumber % 12) + 1,
    day: 1,
  });
  return {
    startsAt: new Date(startOfEpochDay(first, timeZone)).toISOString(),
    endsAt: new Date(startOfEpochDay(next, timeZone)).toISOString(),
  };
}
