/**
 * Rolling a finished day's underspend forward (domain §4), by the user's setting: `spread` over
 * the category's later days that have an allocation (else all later days), equally, extra units to
 * the earlier days; `next_day`; or `savings` (same day, into savings).
 *
 * Spreading touches every later day, which made it the walk's main cost. For a category funded on
 * every later day (the usual spread category) the result is known without looking: all later days
 * share equally. Such a spread is kept as differences in `walk.pending` (O(1)) and added to each
 * day when the walk reaches it, or at once for a category about to donate (its donors see
 * allocations as they stand). The outcome is identical to adding day by day.
 */
import type { RolloverMode } from './types';
import type { Walk } from './walk';

// A month has at most 31 days.
const spreadDays = new Int32Array(31);

/** Adds the pending rollover that reaches day index `d` to that day's allocations. */
export function settleDay(walk: Walk, d: number): void {
  const { count, dense } = walk.layout;
  const { pending, carried, alloc } = walk;
  const row = d * count;
  // Only categories that started dense can have pending rollover.
  for (let k = 0; k < dense.length; k += 1) {
    const c = dense[k] ?? 0;
    const step = pending[row + c] ?? 0;
    const total = (carried[c] ?? 0) + step;
    if (step !== 0) {
      pending[row + c] = 0;
      carried[c] = total;
    }
    if (total !== 0) alloc[row + c] = (alloc[row + c] ?? 0) + total;
  }
}

/** Adds all of category c's pending rollover after day index d to its days, and stops deferring. */
export function flushPending(walk: Walk, c: number, d: number): void {
  const { count, days } = walk.layout;
  const { pending, alloc } = walk;
  let running = walk.carried[c] ?? 0;
  for (let cell = (d + 1) * count + c; cell < days * count; cell += count) {
    running += pending[cell] ?? 0;
    pending[cell] = 0;
    if (running !== 0) alloc[cell] = (alloc[cell] ?? 0) + running;
  }
  walk.carried[c] = 0;
  walk.isLazy[c] = 0;
}

/** A mask of bits 0 … k−1 (k ≤ 31); integer operations, as `2 ** k` is a slow pow() call. */
function lowBits(k: number): number {
  return k >= 31 ? 0x7fffffff : (1 << k) - 1;
}

function spreadForward(walk: Walk, c: number, d: number, amount: number): number {
  const { count, days } = walk.layout;
  const { alloc } = walk;
  const targets = spreadDays;
  let n = 0;
  for (let j = d + 1, cell = j * count + c; j < days; j += 1, cell += count) {
    if ((alloc[cell] ?? 0) > 0) targets[n++] = j;
  }
  if (n === 0) {
    // No later spending day left: spread over every later day instead.
    for (let j = d + 1; j < days; j += 1) targets[n++] = j;
    if (n === 0) return 0;
  }
  // Exact ⌊amount / n⌋: a float quotient can only round up past it, never below.
  let base = Math.floor(amount / n);
  if (base * n > amount) base -= 1;
  const extra = amount - base * n;
  let mask = 0;
  for (let k = 0; k < n; k += 1) {
    const add = k < extra ? base + 1 : base;
    if (add === 0) break;
    const j = targets[k] ?? 0;
    const cell = j * count + c;
    alloc[cell] = (alloc[cell] ?? 0) + add;
    mask |= 1 << j;
  }
  return mask;
}

/**
 * Moves the underspend `amount` of category `c` on finished day index `d` by the rollover mode:
 * spread equally over c's later days that have an allocation (else all later days), to the next
 * day, or into savings on the same day. Nothing moves when there is nowhere to go.
 */
function rollOver(walk: Walk, c: number, d: number, amount: number, mode: RolloverMode): void {
  const { count, days, savings } = walk.layout;
  const cell = d * count + c;
  let to = c;
  let toMask: number;
  if (mode === 'savings') {
    if (savings < 0 || savings === c) return;
    to = savings;
    toMask = 1 << d;
    walk.alloc[d * count + savings] = (walk.alloc[d * count + savings] ?? 0) + amount;
    walk.totals[c] = (walk.totals[c] ?? 0) - amount;
    walk.totals[savings] = (walk.totals[savings] ?? 0) + amount;
  } else if (mode === 'next_day') {
    if (d + 1 >= days) return;
    toMask = 1 << (d + 1);
    walk.alloc[cell + count] = (walk.alloc[cell + count] ?? 0) + amount;
  } else {
    // Deferred spreads (categories funded every day) are handled in rollDay.
    toMask = spreadForward(walk, c, d, amount);
    if (toMask === 0) return;
  }
  walk.alloc[cell] = (walk.alloc[cell] ?? 0) - amount;
  walk.log.rollover(mode, c, to, d, toMask, amount);
}

/**
 * Rolls every spendable category's underspend of finished day index `d`. The common case — spread
 * of a category funded every day — is written out here, as it runs for most cells of the month.
 */
export function rollDay(walk: Walk, d: number, mode: RolloverMode): void {
  const { count, days, isSpendable } = walk.layout;
  const { alloc, spent, isLazy, pending, log } = walk;
  const row = d * count;
  const laterDays = days - d - 1;
  const receivers = lowBits(days) & ~lowBits(d + 1);
  for (let c = 0; c < count; c += 1) {
    if (isSpendable[c] === 0) continue;
    const under = (alloc[row + c] ?? 0) - (spent[row + c] ?? 0);
    if (under <= 0) continue;
    if (mode !== 'spread' || isLazy[c] === 0) {
      rollOver(walk, c, d, under, mode);
      continue;
    }
    if (laterDays === 0) continue;
    let base = Math.floor(under / laterDays);
    if (base * laterDays > under) base -= 1;
    const extra = under - base * laterDays;
    const first = row + count + c;
    pending[first] = (pending[first] ?? 0) + base + (extra > 0 ? 1 : 0);
    if (extra > 0 && extra < laterDays)
      pending[first + extra * count] = (pending[first + extra * count] ?? 0) - 1;
    alloc[row + c] = (alloc[row + c] ?? 0) - under;
    const mask = base > 0 ? receivers : lowBits(d + 1 + extra) & ~lowBits(d + 1);
    log.rollover(mode, c, c, d, mask, under);
  }
}
