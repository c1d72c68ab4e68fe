/**
 * The moves of one computation, recorded flat (seven numbers a move, days as 31-bit masks) in a
 * reusable buffer, and copied out once at the end; the friendly Move objects are built only when
 * someone reads them.
 */
import type { Move, MoveReason } from './types';

/** Numeric reason codes. */
export const REASONS: readonly MoveReason[] = [
  'overspend',
  'rollover_spread',
  'rollover_next_day',
  'rollover_savings',
];
export const OVERSPEND = 0;
export const ROLLOVER_SPREAD = 1;
export const ROLLOVER_NEXT_DAY = 2;
export const ROLLOVER_SAVINGS = 3;

/** Numbers per recorded move: reason, from, to, fromMask, toMask, amount, onDay. */
export const MOVE_WIDTH = 7;

let buffer = new Float64Array(MOVE_WIDTH * 256);
let length = 0;

/** Starts a new log (the engine is synchronous, so one shared buffer is safe). */
export function resetMoves(): void {
  length = 0;
}

/** Records one move; day masks have bit (day − 1) set for every day involved. */
export function recordMove(
  reason: number,
  from: number,
  to: number,
  fromMask: number,
  toMask: number,
  amount: number,
  onDay: number,
): void {
  if (length + MOVE_WIDTH > buffer.length) {
    const grown = new Float64Array(buffer.length * 2);
    grown.set(buffer);
    buffer = grown;
  }
  buffer[length] = reason;
  buffer[length + 1] = from;
  buffer[length + 2] = to;
  buffer[length + 3] = fromMask;
  buffer[length + 4] = toMask;
  buffer[length + 5] = amount;
  buffer[length + 6] = onDay;
  length += MOVE_WIDTH;
}

/** Copies the recorded moves out. */
export function takeMoves(): Float64Array {
  return buffer.slice(0, length);
}

/** Days (1-based) whose bits are set in a mask. */
export function daysOfMask(mask: number): number[] {
  const days: number[] = [];
  for (let bit = 0; bit < 31; bit += 1) if ((mask >>> bit) & 1) days.push(bit + 1);
  return days;
}

/** Builds Move objects from a flat record. */
export function decodeMoves(flat: Float64Array, ids: readonly string[]): Move[] {
  const moves: Move[] = [];
  for (let i = 0; i < flat.length; i += MOVE_WIDTH) {
    moves.push({
      reason: REASONS[flat[i] ?? 0] ?? 'overspend',
      fromCategoryId: ids[flat[i + 1] ?? 0] ?? '',
      toCategoryId: ids[flat[i + 2] ?? 0] ?? '',
      fromDays: daysOfMask(flat[i + 3] ?? 0),
      toDays: daysOfMask(flat[i + 4] ?? 0),
      amountMinor: flat[i + 5] ?? 0,
      onDay: flat[i + 6] ?? 0,
    });
  }
  return moves;
}
