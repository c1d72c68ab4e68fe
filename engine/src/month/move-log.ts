/**
 * The moves of one computation, recorded compactly (days as 31-bit masks) in typed arrays that the
 * result then owns; the friendly Move objects are built only when someone reads them. A class, so
 * the hot loop calls methods on an object it already holds.
 */
import type { Move, MoveReason, RolloverMode } from './types';

const REASONS: readonly MoveReason[] = [
  'overspend',
  'rollover_spread',
  'rollover_next_day',
  'rollover_savings',
  'goal_transfer',
];
const OVERSPEND_CODE = 0;
const GOAL_TRANSFER_CODE = 4;
const ROLLOVER_CODE: Readonly<Record<RolloverMode, number>> = {
  spread: 1,
  next_day: 2,
  savings: 3,
};

/**
 * Each move is three 32-bit words (header, from-days mask, to-days mask) and one amount. The
 * header packs reason (3 bits), the handled day (5 bits), from and to categories (12 bits each).
 */
const WORDS = 3;
/** 32-bit words per recorded move (for callers that provide the storage). */
export const MOVE_WORDS = WORDS;
/** Category indices must fit the 12 bits of a move header. */
export const MAX_CATEGORIES = 4096;

/** The moves of one computation in compact form. */
export interface MoveRecord {
  readonly words: Uint32Array;
  readonly amounts: Float64Array;
}

/** Growable record of moves; each computation gets fresh storage that its result then owns. */
export class MoveLog {
  private words: Uint32Array = new Uint32Array(0);
  private amounts: Float64Array = new Float64Array(0);
  private length = 0;
  private lastLength = 0;

  /** Room to provide for the next record: a little more than the last one used. */
  suggestedCapacity(): number {
    return Math.max(64, Math.ceil(this.lastLength * 1.25));
  }

  /** Starts a new record in the given storage (it grows into a buffer of its own if needed). */
  reset(storage: MoveRecord): void {
    this.length = 0;
    this.amounts = storage.amounts;
    this.words = storage.words;
  }

  // Growing past the provided storage: amounts and words share one new buffer.
  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * (8 + 4 * WORDS));
    const amounts = new Float64Array(buffer, 0, capacity);
    const words = new Uint32Array(buffer, capacity * 8, capacity * WORDS);
    amounts.set(this.amounts.subarray(0, this.length));
    words.set(this.words.subarray(0, this.length * WORDS));
    this.amounts = amounts;
    this.words = words;
  }

  private push(
    reason: number,
    from: number,
    to: number,
    fromMask: number,
    toMask: number,
    amount: number,
    onDay: number,
  ): void {
    if (this.length === this.amounts.length) this.allocate(this.amounts.length * 2);
    const at = this.length * WORDS;
    this.words[at] = (reason | (onDay << 3) | (from << 8) | (to << 20)) >>> 0;
    this.words[at + 1] = fromMask;
    this.words[at + 2] = toMask;
    this.amounts[this.length] = amount;
    this.length += 1;
  }

  /** Records money taken from `from` on the masked days to cover `to` on day index `dayIndex`. */
  overspend(from: number, to: number, fromMask: number, dayIndex: number, amount: number): void {
    this.push(OVERSPEND_CODE, from, to, fromMask, 1 << dayIndex, amount, dayIndex + 1);
  }

  /** Records money put aside for goal `to` on day index `dayIndex`, taken from `from`'s masked days. */
  goalTransfer(from: number, to: number, fromMask: number, dayIndex: number, amount: number): void {
    this.push(GOAL_TRANSFER_CODE, from, to, fromMask, 1 << dayIndex, amount, dayIndex + 1);
  }

  /** Records a finished day's underspend moved by the rollover setting. */
  rollover(
    mode: RolloverMode,
    from: number,
    to: number,
    dayIndex: number,
    toMask: number,
    amount: number,
  ): void {
    this.push(ROLLOVER_CODE[mode], from, to, 1 << dayIndex, toMask, amount, dayIndex + 1);
  }

  /** Hands the recorded moves over (views, no copy); the next reset brings new storage. */
  take(): MoveRecord {
    this.lastLength = this.length;
    return {
      words: this.words.subarray(0, this.length * WORDS),
      amounts: this.amounts.subarray(0, this.length),
    };
  }
}

/** Days (1-based) whose bits are set in a mask. */
export function daysOfMask(mask: number): number[] {
  const days: number[] = [];
  for (let bit = 0; bit < 31; bit += 1) if ((mask >>> bit) & 1) days.push(bit + 1);
  return days;
}

/** Builds Move objects from a compact record. */
export function decodeMoves(record: MoveRecord, ids: readonly string[]): Move[] {
  const moves: Move[] = [];
  for (let i = 0; i < record.amounts.length; i += 1) {
    const header = record.words[i * WORDS] ?? 0;
    moves.push({
      reason: REASONS[header & 7] ?? 'overspend',
      fromCategoryId: ids[(header >>> 8) & 0xfff] ?? '',
      toCategoryId: ids[(header >>> 20) & 0xfff] ?? '',
      fromDays: daysOfMask(record.words[i * WORDS + 1] ?? 0),
      toDays: daysOfMask(record.words[i * WORDS + 2] ?? 0),
      amountMinor: record.amounts[i] ?? 0,
      onDay: (header >>> 3) & 31,
    });
  }
  return moves;
}
