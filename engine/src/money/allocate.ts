/**
 * Largest-remainder splitting: the parts always add up to the whole, each part is the floor of its
 * exact share plus at most one unit, and leftover units go to the largest remainders with ties to
 * the earlier part, so the split is deterministic. Products that could pass 2^53 are done in BigInt.
 */
import { EngineError } from '../errors';
import { assertMinor } from './money';

/** Scratch buffers for the hot path; callers pass their own so nothing is allocated per call. */
export interface AllocationScratch {
  remainders: Float64Array;
  order: Int32Array;
}

/** Creates scratch buffers able to split among up to `capacity` parts. */
export function createAllocationScratch(capacity: number): AllocationScratch {
  return { remainders: new Float64Array(capacity), order: new Int32Array(capacity) };
}

function floorShareBig(total: number, weight: number, sum: number): [number, number] {
  const product = BigInt(total) * BigInt(weight);
  const big = BigInt(sum);
  return [Number(product / big), Number(product % big)];
}

// Below this many leftover units a selection pass beats sorting every part.
const SELECTION_LIMIT = 16;
// Fast path bound: product and sum below 2^52 keep `share * sum` exact as well.
const EXACT_LIMIT = 2 ** 52;

function byRemainder(scratch: AllocationScratch, count: number, leftover: number): void {
  const { remainders, order } = scratch;
  for (let i = 0; i < count; i += 1) order[i] = i;
  if (leftover > SELECTION_LIMIT) {
    order.subarray(0, count).sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
    return;
  }
  for (let k = 0; k < leftover; k += 1) {
    let best = k;
    for (let i = k + 1; i < count; i += 1) {
      const candidate = order[i] ?? 0;
      const current = order[best] ?? 0;
      const diff = (remainders[candidate] ?? 0) - (remainders[current] ?? 0);
      if (diff > 0 || (diff === 0 && candidate < current)) best = i;
    }
    const swap = order[k] ?? 0;
    order[k] = order[best] ?? 0;
    order[best] = swap;
  }
}

/**
 * Splits `total` into `out[0..count)` in proportion to `weights`, in place and allocation-free
 * (weights are non-negative safe integers with a positive sum; total ≥ 0).
 */
export function allocateInto(
  total: number,
  weights: ArrayLike<number>,
  count: number,
  out: Float64Array | number[],
  scratch: AllocationScratch,
): void {
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += weights[i] ?? 0;
  let given = 0;
  for (let i = 0; i < count; i += 1) {
    const weight = weights[i] ?? 0;
    const product = total * weight;
    let share: number;
    let remainder: number;
    if (product <= EXACT_LIMIT && sum <= EXACT_LIMIT) {
      share = Math.floor(product / sum);
      remainder = product - share * sum;
      // Float division may land one off near an integer; the exact remainder corrects it.
      if (remainder < 0) [share, remainder] = [share - 1, remainder + sum];
      else if (remainder >= sum) [share, remainder] = [share + 1, remainder - sum];
    } else {
      [share, remainder] = floorShareBig(total, weight, sum);
    }
    out[i] = share;
    scratch.remainders[i] = remainder;
    given += share;
  }
  const leftover = total - given;
  if (leftover === 0) return;
  byRemainder(scratch, count, leftover);
  for (let k = 0; k < leftover; k += 1) {
    const index = scratch.order[k] ?? 0;
    out[index] = (out[index] ?? 0) + 1;
  }
}

/** Splits a non-negative total in proportion to non-negative integer weights (largest remainder). */
export function allocateLargestRemainder(totalMinor: number, weights: readonly number[]): number[] {
  assertMinor(totalMinor, 'totalMinor', { nonNegative: true });
  let sum = 0;
  for (const weight of weights) {
    assertMinor(weight, 'weight', { nonNegative: true });
    sum += weight;
  }
  if (!Number.isSafeInteger(sum) || (sum === 0 && totalMinor > 0)) {
    throw new EngineError('INPUT_INVALID', 'Weights must have a positive safe sum', { sum });
  }
  const out = new Array<number>(weights.length).fill(0);
  if (totalMinor === 0) return out;
  allocateInto(totalMinor, weights, weights.length, out, createAllocationScratch(weights.length));
  return out;
}

/** Splits a non-negative total into `parts` near-equal parts, the extra units to the first parts. */
export function splitEvenly(totalMinor: number, parts: number): number[] {
  assertMinor(totalMinor, 'totalMinor', { nonNegative: true });
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new EngineError('INPUT_INVALID', 'parts must be a positive integer', { parts });
  }
  const base = Math.floor(totalMinor / parts);
  const extra = totalMinor - base * parts;
  return Array.from({ length: parts }, (_, index) => base + (index < extra ? 1 : 0));
}
