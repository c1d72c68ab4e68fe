/**
 * Laying a month amount over the plan's days (domain §3.7). Every split is largest remainder with
 * equal weights and ties to earlier days, so a category's days sum exactly to its month amount.
 *
 * Clustered days are picked deterministically from (user, month, category): weekend days first,
 * then weekdays, each group ordered by a small FNV-1a hash of those values and the day; no
 * randomness, so the same user sees the same days on every device.
 */
import { floorDivide } from '../money/money';
import { weekdayOfEpochDay } from '../time/calendar';

/** Default number of spending days of a clustered category. */
export const DEFAULT_CLUSTERED_DAYS = 4;

/** The span of a plan inside its month. */
export interface PlanSpan {
  readonly daysInMonth: number;
  /** First plan day (1-based). */
  readonly firstDay: number;
  /** Epoch day of day 1 of the month, for weekdays. */
  readonly monthEpochDay: number;
}

function emptyDays(span: PlanSpan): number[] {
  return new Array<number>(span.daysInMonth).fill(0);
}

/** Splits `amount` equally over the given days (1-based), extra units to the earlier days. */
export function spreadOver(
  amount: number,
  chosenDays: readonly number[],
  span: PlanSpan,
): number[] {
  const days = emptyDays(span);
  const count = chosenDays.length;
  if (count === 0) return days;
  const base = floorDivide(amount, count);
  const extra = amount - base * count;
  const sorted = [...chosenDays].sort((a, b) => a - b);
  sorted.forEach((day, index) => {
    days[day - 1] = base + (index < extra ? 1 : 0);
  });
  return days;
}

/** All plan days (first day to month end). */
export function planDays(span: PlanSpan): number[] {
  return Array.from({ length: span.daysInMonth - span.firstDay + 1 }, (_, i) => span.firstDay + i);
}

/** Places bills on their due days, clamped into the plan span. */
export function placeFixed(
  bills: readonly { readonly amountMinor: number; readonly dueDay: number }[],
  span: PlanSpan,
): number[] {
  const days = emptyDays(span);
  for (const bill of bills) {
    const day = Math.min(span.daysInMonth, Math.max(span.firstDay, bill.dueDay));
    days[day - 1] = (days[day - 1] ?? 0) + bill.amountMinor;
  }
  return days;
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function mix(seed: number, day: number): number {
  // murmur3's finaliser spreads the day into every bit so nearby days are not ordered alike.
  let h = (seed ^ Math.imul(day, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Identity of a clustered category's day choice. */
export interface ClusterKey {
  readonly userId: string;
  readonly month: string;
  readonly categoryId: string;
}

/** Chooses `count` spending days, weekends first, deterministically from the key. */
export function chooseClusteredDays(
  key: ClusterKey,
  count: number,
  span: PlanSpan,
  weekendDays: readonly number[],
): number[] {
  const seed = fnv1a(`${key.userId}\u0000${key.month}\u0000${key.categoryId}`);
  const ranked = planDays(span)
    .map((day) => ({
      day,
      isWeekend: weekendDays.includes(weekdayOfEpochDay(span.monthEpochDay + day - 1)),
      score: mix(seed, day),
    }))
    .sort(
      (a, b) => Number(b.isWeekend) - Number(a.isWeekend) || a.score - b.score || a.day - b.day,
    );
  return ranked.slice(0, count).map((entry) => entry.day);
}
