/**
 * The two moves of the month walk (domain §4): covering an overspend from donors on later days,
 * and rolling a finished day's underspend forward. Both work in place on the flat allocation array
 * and log a move for every change. Scratch buffers are module-level and reused: the engine never
 * awaits, so one computation runs at a time.
 */
import { allocateInto, createAllocationScratch, type AllocationScratch } from '../money/allocate';
import { floorDivide } from '../money/money';
import { DISCRETIONARY, FLEXIBLE, type Layout } from './layout';
import {
  OVERSPEND,
  ROLLOVER_NEXT_DAY,
  ROLLOVER_SAVINGS,
  ROLLOVER_SPREAD,
  recordMove,
} from './move-log';
import type { RolloverMode } from './types';

/** Mutable state of one month walk. */
export interface Walk {
  readonly layout: Layout;
  readonly alloc: Float64Array;
  readonly spent: Float64Array;
  /** Per category: the month allocation as it stands. */
  readonly totals: Float64Array;
  /** Overspend no donor could cover, per cell; allocated on first need. */
  uncovered: Float64Array | null;
  /** Amount moved in to cover an overspend, per cell; allocated on first need. */
  covered: Float64Array | null;
}

let cells = new Int32Array(0);
let weights = new Float64Array(0);
let shares = new Float64Array(0);
let takenByCategory = new Float64Array(0);
let daysByCategory = new Int32Array(0);
let scratch: AllocationScratch = createAllocationScratch(0);
const single = new Int32Array(1);

/** Makes sure the scratch buffers fit a layout. */
export function ensureScratch(layout: Layout): void {
  const size = layout.days * layout.count;
  if (cells.length < size) {
    cells = new Int32Array(size);
    weights = new Float64Array(size);
    shares = new Float64Array(size);
    scratch = createAllocationScratch(size);
  }
  if (takenByCategory.length < layout.count) {
    takenByCategory = new Float64Array(layout.count);
    daysByCategory = new Int32Array(layout.count);
  }
}

function gather(walk: Walk, tier: ArrayLike<number>, exclude: number, dayIndex: number): number {
  const { count, days } = walk.layout;
  const { alloc } = walk;
  let n = 0;
  // Days outer, categories inner: ties in the split go to earlier days, then earlier categories.
  for (let d = dayIndex + 1; d < days; d += 1) {
    const row = d * count;
    for (let k = 0; k < tier.length; k += 1) {
      const c = tier[k] ?? 0;
      const value = alloc[row + c] ?? 0;
      if (c !== exclude && value > 0) {
        cells[n] = row + c;
        weights[n] = value;
        n += 1;
      }
    }
  }
  return n;
}

function takeFromTier(
  walk: Walk,
  tier: ArrayLike<number>,
  exclude: number,
  to: number,
  dayIndex: number,
  need: number,
): number {
  const n = gather(walk, tier, exclude, dayIndex);
  if (n === 0) return 0;
  let available = 0;
  for (let i = 0; i < n; i += 1) available += weights[i] ?? 0;
  const take = need < available ? need : available;
  allocateInto(take, weights, n, shares, scratch);
  const { count } = walk.layout;
  for (let i = 0; i < n; i += 1) {
    const share = shares[i] ?? 0;
    if (share === 0) continue;
    const cell = cells[i] ?? 0;
    const c = cell % count;
    walk.alloc[cell] = (walk.alloc[cell] ?? 0) - share;
    walk.totals[c] = (walk.totals[c] ?? 0) - share;
    takenByCategory[c] = (takenByCategory[c] ?? 0) + share;
    daysByCategory[c] = (daysByCategory[c] ?? 0) | (1 << ((cell - c) / count));
  }
  for (let k = 0; k < tier.length; k += 1) {
    const c = tier[k] ?? 0;
    const amount = takenByCategory[c] ?? 0;
    if (amount === 0) continue;
    recordMove(OVERSPEND, c, to, daysByCategory[c] ?? 0, 1 << dayIndex, amount, dayIndex + 1);
    takenByCategory[c] = 0;
    daysByCategory[c] = 0;
  }
  return take;
}

/**
 * Covers `need` of overspend in category `c` on day index `d` from later days, donor tier by tier
 * (Flex; c itself when flexible or discretionary; other discretionary; flexible; protected), and
 * returns what stayed uncovered.
 */
export function coverOverspend(walk: Walk, c: number, d: number, need: number): number {
  const { layout } = walk;
  let left = need;
  if (layout.flex >= 0) {
    single[0] = layout.flex;
    left -= takeFromTier(walk, single, -1, c, d, left);
  }
  const priority = layout.priority[c] ?? 0;
  if (left > 0 && (priority === FLEXIBLE || priority === DISCRETIONARY)) {
    single[0] = c;
    left -= takeFromTier(walk, single, -1, c, d, left);
  }
  if (left > 0) left -= takeFromTier(walk, layout.discretionary, c, c, d, left);
  if (left > 0) left -= takeFromTier(walk, layout.flexible, c, c, d, left);
  // A protected category's own later days are part of this tier (domain §4).
  if (left > 0) left -= takeFromTier(walk, layout.protected, -1, c, d, left);
  const covered = need - left;
  const cell = d * layout.count + c;
  if (covered > 0) {
    walk.alloc[cell] = (walk.alloc[cell] ?? 0) + covered;
    walk.totals[c] = (walk.totals[c] ?? 0) + covered;
    walk.covered ??= new Float64Array(walk.alloc.length);
    walk.covered[cell] = (walk.covered[cell] ?? 0) + covered;
  }
  return left;
}

function spreadForward(walk: Walk, c: number, d: number, amount: number): number {
  const { count, days } = walk.layout;
  const { alloc } = walk;
  let withAllocation = 0;
  for (let j = d + 1; j < days; j += 1) if ((alloc[j * count + c] ?? 0) > 0) withAllocation += 1;
  const onlyFunded = withAllocation > 0;
  const targets = onlyFunded ? withAllocation : days - d - 1;
  if (targets === 0) return 0;
  const base = floorDivide(amount, targets);
  let extra = amount - base * targets;
  let mask = 0;
  for (let j = d + 1; j < days; j += 1) {
    const cell = j * count + c;
    if (onlyFunded && (alloc[cell] ?? 0) <= 0) continue;
    const add = base + (extra > 0 ? 1 : 0);
    if (extra > 0) extra -= 1;
    if (add === 0) continue;
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
export function rollOver(
  walk: Walk,
  c: number,
  d: number,
  amount: number,
  mode: RolloverMode,
): void {
  const { count, days, savings } = walk.layout;
  const cell = d * count + c;
  let to = c;
  let toMask: number;
  let reason: number;
  if (mode === 'savings') {
    if (savings < 0 || savings === c) return;
    to = savings;
    toMask = 1 << d;
    reason = ROLLOVER_SAVINGS;
    walk.alloc[d * count + savings] = (walk.alloc[d * count + savings] ?? 0) + amount;
    walk.totals[c] = (walk.totals[c] ?? 0) - amount;
    walk.totals[savings] = (walk.totals[savings] ?? 0) + amount;
  } else if (mode === 'next_day') {
    if (d + 1 >= days) return;
    toMask = 1 << (d + 1);
    reason = ROLLOVER_NEXT_DAY;
    walk.alloc[cell + count] = (walk.alloc[cell + count] ?? 0) + amount;
  } else {
    toMask = spreadForward(walk, c, d, amount);
    if (toMask === 0) return;
    reason = ROLLOVER_SPREAD;
  }
  walk.alloc[cell] = (walk.alloc[cell] ?? 0) - amount;
  recordMove(reason, c, to, 1 << d, toMask, amount, d + 1);
}
