/**
 * Covering an overspend (domain §4) from donors' later days, tier by tier, in place on the flat
 * allocation array, logging a move per donor category. Scratch buffers are module-level and
 * reused: the engine never awaits, so one computation runs at a time.
 */
import { allocateInto, createAllocationScratch, type AllocationScratch } from '../money/allocate';
import { DISCRETIONARY, FLEXIBLE, type Layout } from './layout';
import type { MoveLog } from './move-log';
import { flushPending } from './rollover';

/** Mutable state of one month walk. */
export interface Walk {
  readonly layout: Layout;
  readonly alloc: Float64Array;
  readonly spent: Float64Array;
  /** Per category: the month allocation as it stands. */
  readonly totals: Float64Array;
  /** Overspend no donor could cover, per cell; allocated on first need. */
  uncovered: Map<number, number> | null;
  /** Amount moved in to cover an overspend, per cell; allocated on first need. */
  covered: Map<number, number> | null;
  readonly log: MoveLog;
  /** Rollover not yet added to later days, as differences per cell (see rollover.ts). */
  readonly pending: Float64Array;
  /** Per category: running sum of `pending` up to the current day. */
  readonly carried: Float64Array;
  /** Per category: 1 while its rollover may stay pending (every later day still funded). */
  readonly isLazy: Uint8Array;
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
  // Donors give from allocations as they stand, pending rollover included.
  for (let k = 0; k < tier.length; k += 1) {
    const c = tier[k] ?? 0;
    if (c !== exclude && walk.isLazy[c] === 1) flushPending(walk, c, dayIndex);
  }
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
  isTransfer = false,
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
    if (isTransfer) walk.log.goalTransfer(c, to, daysByCategory[c] ?? 0, dayIndex, amount);
    else walk.log.overspend(c, to, daysByCategory[c] ?? 0, dayIndex, amount);
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
export function coverOverspend(walk: Walk, c: number, d: number, over: number): number {
  const { layout } = walk;
  const need = layout.isGoal[c] === 1 ? over - transferToGoal(walk, c, d, over) : over;
  if (need === 0) return 0;
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
    walk.covered ??= new Map();
    walk.covered.set(cell, (walk.covered.get(cell) ?? 0) + covered);
  }
  return left;
}

/**
 * Money put aside for a goal beyond the day's reservation is never an overspend (domain §6, as
 * amended in docs/goals.md): it comes first from the goal's own later days this month (its
 * reservation, put aside early), then from Flex's later days, as `goal_transfer` moves. The amount
 * is added to the day's allocation but not to `covered`, so the status compares the contribution
 * with an allocation that includes it (no yellow or red, no alert). Returns what was moved; the
 * rest, beyond what Flex holds, is covered like any overspend.
 */
function transferToGoal(walk: Walk, c: number, d: number, need: number): number {
  const { layout } = walk;
  let left = need;
  single[0] = c;
  left -= takeFromTier(walk, single, -1, c, d, left, true);
  if (left > 0 && layout.flex >= 0) {
    single[0] = layout.flex;
    left -= takeFromTier(walk, single, -1, c, d, left, true);
  }
  const moved = need - left;
  if (moved > 0) {
    const cell = d * layout.count + c;
    walk.alloc[cell] = (walk.alloc[cell] ?? 0) + moved;
    walk.totals[c] = (walk.totals[c] ?? 0) + moved;
  }
  return moved;
}
