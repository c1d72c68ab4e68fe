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
  const days: number[] = [];
  for (let i = 0; i < span.daysInMonth; i += 1) days.push(0);
  return days;
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
  // Chosen days come in ascending order, so the extra units go to the earlier days.
  for (let index = 0; index < count; index += 1) {
    days[(chosenDays[index] ?? 1) - 1] = base + (index < extra ? 1 : 0);
  }
  return days;
}

/** All plan days (first day to month end). */
export function planDays(span: PlanSpan): number[] {
  const days: number[] = [];
  for (let day = span.firstDay; day <= span.daysInMonth; day += 1) days.push(day);
  return days;
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

/** Chooses `count` spending days (ascending), weekends first, deterministically from the key. */
export function chooseClusteredDays(
  key: ClusterKey,
  count: number,
  span: PlanSpan,
  weekendDays: readonly number[],
): number[] {
  const seed = fnv1a(`${key.userId}\u0000${key.month}\u0000${key.categoryId}`);
  const isWeekend = new Uint8Array(span.daysInMonth + 1);
  const score = new Uint32Array(span.daysInMonth + 1);
  const days = planDays(span);
  for (const day of days) {
    isWeekend[day] = weekendDays.includes(weekdayOfEpochDay(span.monthEpochDay + day - 1)) ? 1 : 0;
    score[day] = mix(seed, day);
  }
  days.sort(
    (a, b) =>
      (isWeekend[b] ?? 0) - (isWeekend[a] ?? 0) || (score[a] ?? 0) - (score[b] ?? 0) || a - b,
  );
  return days.slice(0, count).sort((a, b) => a - b);
}
