/**
 * Money is an integer of minor units with its currency. Amounts are JS numbers holding safe
 * integers (exact up to 2^53 − 1); every border checks `Number.isSafeInteger`, so no float ever
 * holds a fraction of money.
 */
import { EngineError } from '../errors';
import { minorDigitsOf, type CurrencyCode } from './currencies';

/** An amount of money: integer minor units plus ISO 4217 currency. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** Throws MONEY_OUT_OF_RANGE unless the value is a safe integer (optionally non-negative). */
export function assertMinor(value: number, field: string, options: { nonNegative?: boolean } = {}) {
  if (!Number.isSafeInteger(value) || (options.nonNegative === true && value < 0)) {
    throw new EngineError('MONEY_OUT_OF_RANGE', `${field} must be a safe integer of minor units`, {
      field,
      value: Number.isFinite(value) ? value : String(value),
    });
  }
}

/** Builds a Money value after checking the amount and the currency. */
export function money(amountMinor: number, currency: CurrencyCode): Money {
  minorDigitsOf(currency);
  assertMinor(amountMinor, 'amountMinor');
  // Normalise −0 so it can never be formatted as "-0.00".
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new EngineError('CURRENCY_MISMATCH', 'Cannot combine amounts in different currencies', {
      left: a.currency,
      right: b.currency,
    });
  }
}

/** Adds two amounts of the same currency; throws CURRENCY_MISMATCH or MONEY_OUT_OF_RANGE. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** Subtracts `b` from `a` (same currency); the result may be negative. */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Sums minor-unit amounts, failing instead of losing precision past 2^53. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertMinor(value, 'value');
    total += value;
    assertMinor(total, 'sum');
  }
  return total;
}

// Below 2^52 both the quotient estimate and its check `q * b` are exact in doubles.
const EXACT_LIMIT = 2 ** 52;

/** Exact ⌊a / b⌋ for safe integers a ≥ 0 and b > 0 (float division alone can be one off). */
export function floorDivide(a: number, b: number): number {
  if (a > EXACT_LIMIT || b > EXACT_LIMIT) return Number(BigInt(a) / BigInt(b));
  let quotient = Math.floor(a / b);
  const remainder = a - quotient * b;
  if (remainder < 0) quotient -= 1;
  else if (remainder >= b) quotient += 1;
  return quotient;
}

/** Exact ⌈a / b⌉ for safe integers a ≥ 0 and b > 0. */
export function ceilDivide(a: number, b: number): number {
  const quotient = floorDivide(a, b);
  return quotient * b === a ? quotient : quotient + 1;
}

/** Exact ⌊a × b / c⌋ for safe integers a, b ≥ 0 and c > 0, even when a × b passes 2^53. */
export function multiplyDivideFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= EXACT_LIMIT) return floorDivide(product, c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
