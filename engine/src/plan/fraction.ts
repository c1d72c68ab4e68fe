/**
 * Exact non-negative rationals on BigInt, used only while generating a plan so that every target
 * leaf is computed exactly and rounded once (domain §3.4). Not on any hot path.
 */
import { EngineError } from '../errors';

/** A rational number n / d with d > 0. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** Builds n / d from integers. */
export function fraction(n: number | bigint, d: number | bigint = 1): Fraction {
  return { n: BigInt(n), d: BigInt(d) };
}

/** Reads a plain decimal string (`"1.25"`) exactly. */
export function fromDecimal(text: string): Fraction {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) {
    throw new EngineError('INPUT_INVALID', `"${text}" is not a decimal number`, { text });
  }
  const decimals = match[2] ?? '';
  return { n: BigInt(match[1] + decimals), d: 10n ** BigInt(decimals.length) };
}

/** Product of fractions. */
export function times(...factors: readonly Fraction[]): Fraction {
  return factors.reduce((acc, f) => ({ n: acc.n * f.n, d: acc.d * f.d }), fraction(1));
}

/** a − b. */
export function minus(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
}

/** Compares a and b: negative, zero or positive. */
export function compare(a: Fraction, b: Fraction): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** The smaller of a and b. */
export function smaller(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) <= 0 ? a : b;
}

/** The larger of a and b. */
export function larger(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) >= 0 ? a : b;
}

/** Rounds a non-negative fraction half up to an integer (2.5 → 3). */
export function roundHalfUp(a: Fraction): number {
  return Number((2n * a.n + a.d) / (2n * a.d));
}

/** Floors a non-negative fraction to an integer. */
export function floorOf(a: Fraction): number {
  return Number(a.n / a.d);
}
