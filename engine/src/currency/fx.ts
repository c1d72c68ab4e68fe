/**
 * Exact currency conversion (docs/currencies.md), shared by the server and the offline PWA so a
 * paid amount is converted by one rule everywhere. Every value is an integer (BigInt) with a
 * decimal scale; nothing passes through a float. A rate is "units of the budget currency for one
 * unit of the paid currency".
 */
import { minorDigitsOf } from '../money/currencies';

/** An exact decimal number: `units / 10^scale`. */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Significant digits a derived rate (an inverse or a cross rate through the euro) is rounded to. */
export const RATE_SIGNIFICANT_DIGITS = 10;
/** Fraction digits a rate may carry at most (entered or published). */
export const RATE_MAX_DECIMALS = 12;

const RATE_TEXT = /^\d{1,12}(\.\d{1,12})?$/;
const ONE: ExactDecimal = { units: 1n, scale: 0 };

/** Parses a positive rate such as `"162.18"` exactly; null when it is not one (zero included). */
export function parseRate(text: string): ExactDecimal | null {
  if (!RATE_TEXT.test(text)) return null;
  const [integer = '', fraction = ''] = text.split('.');
  const rate = normalize({ units: BigInt(integer + fraction), scale: fraction.length });
  return rate.units > 0n ? rate : null;
}

/** The shortest decimal text of a rate (`"0.0061"`, `"162.18"`, `"2"`). */
export function formatRate(rate: ExactDecimal): string {
  const { units, scale } = normalize(rate);
  if (scale <= 0) return (units * 10n ** BigInt(-scale)).toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** `numerator / denominator`, rounded half up to {@link RATE_SIGNIFICANT_DIGITS} significant digits. */
export function divideRates(numerator: ExactDecimal, denominator: ExactDecimal): ExactDecimal {
  // value = p / q with both as integers.
  const p = numerator.units * 10n ** BigInt(Math.max(0, denominator.scale - numerator.scale));
  const q = denominator.units * 10n ** BigInt(Math.max(0, numerator.scale - denominator.scale));
  if (p <= 0n || q <= 0n) throw new RangeError('rates are positive');
  const digits = RATE_SIGNIFICANT_DIGITS;
  // Find k so that 10^(digits-1) <= p·10^k / q < 10^digits.
  let k = digits - (p.toString().length - q.toString().length);
  const scaled = (shift: number) =>
    shift >= 0 ? (p * 10n ** BigInt(shift)) / q : p / (q * 10n ** BigInt(-shift));
  while (scaled(k) >= 10n ** BigInt(digits)) k -= 1;
  while (scaled(k) < 10n ** BigInt(digits - 1)) k += 1;
  const units =
    k >= 0 ? roundHalfUp(p * 10n ** BigInt(k), q) : roundHalfUp(p, q * 10n ** BigInt(-k));
  return normalize({ units, scale: k });
}

/** The rate of the opposite direction: `1 / rate`, rounded like every derived rate. */
export function invertRate(rate: ExactDecimal): ExactDecimal {
  return divideRates(ONE, rate);
}

/**
 * The paid→budget rate from two euro reference rates (units per one euro; the euro itself is 1):
 * `budgetPerEuro / paidPerEuro`, exact when the paid currency is the euro, else rounded.
 */
export function crossRate(input: {
  paidPerEuro: ExactDecimal | null;
  budgetPerEuro: ExactDecimal | null;
}): ExactDecimal {
  const budget = input.budgetPerEuro ?? ONE;
  if (input.paidPerEuro === null) return normalize(budget);
  return divideRates(budget, input.paidPerEuro);
}

/**
 * Minor units of the budget currency for a paid amount: `paid × rate`, computed exactly and then
 * rounded once, half up, to the budget currency's minor unit. Null when the result is too large to
 * store exactly.
 */
export function convertMinor(input: {
  paidMinor: number;
  paidCurrency: string;
  rate: ExactDecimal;
  budgetCurrency: string;
}): number | null {
  if (!Number.isSafeInteger(input.paidMinor) || input.paidMinor < 0)
    throw new RangeError('paidMinor must be a non-negative safe integer');
  const paidDigits = minorDigitsOf(input.paidCurrency);
  const budgetDigits = minorDigitsOf(input.budgetCurrency);
  // budgetMinor = paidMinor / 10^paidDigits × units / 10^scale × 10^budgetDigits
  let numerator = BigInt(input.paidMinor) * input.rate.units;
  let denominator = 1n;
  const exponent = budgetDigits - paidDigits - input.rate.scale;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  const minor = roundHalfUp(numerator, denominator);
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/**
 * Minor units of the paid currency behind a budget amount at a rate: `budget / rate`, computed
 * exactly and rounded once, half up, to the paid currency's minor unit (a statement that prints
 * only the rate and the booked amount). Null when the result is too large to store exactly.
 */
export function paidMinorAt(input: {
  budgetMinor: number;
  budgetCurrency: string;
  rate: ExactDecimal;
  paidCurrency: string;
}): number | null {
  if (!Number.isSafeInteger(input.budgetMinor) || input.budgetMinor < 0)
    throw new RangeError('budgetMinor must be a non-negative safe integer');
  if (input.rate.units <= 0n) throw new RangeError('rates are positive');
  const paidDigits = minorDigitsOf(input.paidCurrency);
  const budgetDigits = minorDigitsOf(input.budgetCurrency);
  // paidMinor = budgetMinor / 10^budgetDigits × 10^scale / units × 10^paidDigits
  let numerator = BigInt(input.budgetMinor);
  let denominator = input.rate.units;
  const exponent = paidDigits - budgetDigits + input.rate.scale;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  const minor = roundHalfUp(numerator, denominator);
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** `n / d` rounded to the nearest integer, halves up (both positive). */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function normalize(value: ExactDecimal): ExactDecimal {
  let { units, scale } = value;
  if (units === 0n) return { units, scale: 0 };
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** Where a rate came from; a statement's rate is the card's own, a manual one the person's. */
export type RateSource = 'statement' | 'manual' | 'ecb';

/** A rate known for a day. */
export interface RateCandidate {
  rate: ExactDecimal;
  rateOn: string;
  source: RateSource;
}

/** A chosen rate; estimated when it is from a day before the booking date. */
export interface ChosenRate extends RateCandidate {
  isEstimated: boolean;
}

const SOURCE_RANK: Readonly<Record<RateSource, number>> = { statement: 0, manual: 1, ecb: 2 };

/**
 * The rate for a booking date: the latest candidate on or before it; on the same day a statement's
 * rate wins over the person's, and the person's over the ECB's. Null when none is that early.
 */
export function chooseRate(
  candidates: readonly RateCandidate[],
  bookedOn: string,
): ChosenRate | null {
  let best: RateCandidate | null = null;
  for (const candidate of candidates) {
    if (candidate.rateOn > bookedOn) continue;
    if (
      best === null ||
      candidate.rateOn > best.rateOn ||
      (candidate.rateOn === best.rateOn && SOURCE_RANK[candidate.source] < SOURCE_RANK[best.source])
    )
      best = candidate;
  }
  return best === null ? null : { ...best, isEstimated: best.rateOn < bookedOn };
}

/** A rate a person entered for a pair and day: `rate` units of `toCurrency` for one `fromCurrency`. */
export interface EnteredRate {
  fromCurrency: string;
  toCurrency: string;
  rateOn: string;
  /** The exact decimal text, as stored. */
  rate: string;
}

/**
 * An entered rate as a paid→budget candidate: used as written when entered that way round,
 * inverted (rounded like every derived rate) when entered budget→paid. Null for another pair or a
 * text that is not a positive rate.
 */
export function enteredRateCandidate(
  entered: EnteredRate,
  pair: { paidCurrency: string; budgetCurrency: string },
): RateCandidate | null {
  const rate = parseRate(entered.rate);
  if (!rate) return null;
  const { paidCurrency, budgetCurrency } = pair;
  if (entered.fromCurrency === paidCurrency && entered.toCurrency === budgetCurrency)
    return { rate, rateOn: entered.rateOn, source: 'manual' };
  if (entered.fromCurrency === budgetCurrency && entered.toCurrency === paidCurrency)
    return { rate: invertRate(rate), rateOn: entered.rateOn, source: 'manual' };
  return null;
}

/** A paid amount converted into the budget currency, with the rate that was used. */
export interface PaidConversion {
  amountMinor: number;
  rate: ExactDecimal;
  rateOn: string;
  source: RateSource;
  /** The rate is from a day before the booking date. */
  isEstimated: boolean;
}

/** Why a paid amount could not be converted. */
export type PaidConversionFailure = 'NO_RATE' | 'OUT_OF_RANGE';

/**
 * Converts a paid amount booked on `bookedOn`: the rate {@link chooseRate} picks among the
 * candidates, then {@link convertMinor} (exact, rounded once, half up, to the budget currency's
 * minor unit). The one rule the server books and the device estimates with.
 */
export function convertPaidAmount(input: {
  paidMinor: number;
  paidCurrency: string;
  budgetCurrency: string;
  bookedOn: string;
  candidates: readonly RateCandidate[];
}): { ok: true; conversion: PaidConversion } | { ok: false; reason: PaidConversionFailure } {
  const chosen = chooseRate(input.candidates, input.bookedOn);
  if (!chosen) return { ok: false, reason: 'NO_RATE' };
  const amountMinor = convertMinor({
    paidMinor: input.paidMinor,
    paidCurrency: input.paidCurrency,
    rate: chosen.rate,
    budgetCurrency: input.budgetCurrency,
  });
  if (amountMinor === null) return { ok: false, reason: 'OUT_OF_RANGE' };
  return { ok: true, conversion: { ...chosen, amountMinor } };
}
