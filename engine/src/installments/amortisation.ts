/**
 * Installment plans (domain §8): the standard amortisation schedule of a loan repaid in equal
 * monthly payments, exact to the minor unit.
 *
 * Decisions:
 * - The APR is an exact decimal string of percent with at most 4 decimals (`"12"`, `"7.99"`,
 *   `"0.0125"`), read into parts per million of the annual rate (12 % → 120 000 ppm); the monthly
 *   rate is APR / 12, nominal (no compounding within the year), as lenders quote it.
 * - The payment `M = P·r(1+r)^n / ((1+r)^n − 1)` is computed as one exact fraction in BigInt
 *   (with r = ppm / 12 000 000 the powers are integers) and rounded half-up to the minor unit;
 *   no float ever touches it.
 * - Each month's interest is the balance × r rounded half-up; the principal part is the payment
 *   minus that interest, never more than the balance; the last payment takes whatever balance is
 *   left plus its interest, so it absorbs every rounding and the principal parts add up to the
 *   principal exactly.
 * - 0 % is an exact split (largest remainder): the parts differ by at most one minor unit, the
 *   larger ones first, and no interest.
 * - Payment k falls on the first payment's day of month, k − 1 months later, clamped to the
 *   month's end (31 Jan → 28 Feb → 31 Mar).
 */
import { EngineError } from '../errors';
import { splitEvenly } from '../money/allocate';
import { minorDigitsOf, type CurrencyCode } from '../money/currencies';
import { assertMinor } from '../money/money';
import {
  addMonths,
  dateInMonth,
  daysInMonth,
  monthOf,
  parseLocalDate,
  type LocalDate,
} from '../time/calendar';

/** Most monthly payments a plan may have (50 years). */
export const MAX_INSTALLMENT_PAYMENTS = 600;
/** Highest APR accepted, in percent. */
export const MAX_INSTALLMENT_APR_PERCENT = 100;
/** Largest principal accepted, in minor units (10^13: totals stay exact below 2^53 at any APR). */
export const MAX_INSTALLMENT_PRINCIPAL_MINOR = 10 ** 13;
/** Most decimals of an APR string (0.0001 % steps). */
export const INSTALLMENT_APR_DECIMALS = 4;

const PPM_PER_PERCENT = 10_000;
// Monthly rate r = ppm / MONTHLY_DENOMINATOR.
const MONTHLY_DENOMINATOR = 12n * 1_000_000n;
const APR_RE = /^\d{1,3}(\.\d{1,4})?$/;

/** What an installment plan is computed from. */
export interface InstallmentInput {
  /** Amount borrowed, minor units, more than zero. */
  readonly principalMinor: number;
  readonly currency: CurrencyCode;
  /** Annual percentage rate as a decimal string of percent, 0–100, at most 4 decimals. */
  readonly apr: string;
  /** Number of monthly payments, 1–600. */
  readonly payments: number;
  /** Date of the first payment; the next ones fall monthly on the same day of month. */
  readonly firstPaymentOn: LocalDate;
}

/** One payment of the schedule; every amount is in minor units. */
export interface InstallmentRow {
  /** 1 for the first payment. */
  readonly number: number;
  readonly dueOn: LocalDate;
  readonly paymentMinor: number;
  readonly interestMinor: number;
  readonly principalMinor: number;
  /** What is still owed after this payment (0 after the last). */
  readonly balanceMinor: number;
}

/** A computed installment plan. */
export interface InstallmentSchedule {
  readonly currency: CurrencyCode;
  readonly principalMinor: number;
  /** The APR in parts per million of the annual rate (12 % → 120 000). */
  readonly aprPpm: number;
  readonly payments: number;
  /** The regular monthly payment (the first one). */
  readonly paymentMinor: number;
  /** The last payment, which absorbs the rounding. */
  readonly lastPaymentMinor: number;
  readonly totalInterestMinor: number;
  /** Principal + total interest: the sum of every payment. */
  readonly totalPaidMinor: number;
  readonly rows: readonly InstallmentRow[];
}

function invalid(message: string, details: Record<string, string | number>): EngineError {
  return new EngineError('INPUT_INVALID', message, details);
}

/** Reads an APR decimal string of percent (`"7.99"`) into parts per million; throws INPUT_INVALID. */
export function parseAprPpm(apr: string): number {
  if (!APR_RE.test(apr)) {
    throw invalid(`APR "${apr}" must be a decimal percent with at most 4 decimals`, { apr });
  }
  const [whole = '0', fraction = ''] = apr.split('.');
  const ppm = Number(whole) * PPM_PER_PERCENT + Number(fraction.padEnd(4, '0'));
  if (ppm > MAX_INSTALLMENT_APR_PERCENT * PPM_PER_PERCENT) {
    throw invalid(`APR must be at most ${MAX_INSTALLMENT_APR_PERCENT} %`, { apr });
  }
  return ppm;
}

function checkInput(input: InstallmentInput): number {
  minorDigitsOf(input.currency);
  assertMinor(input.principalMinor, 'principalMinor', { nonNegative: true });
  if (input.principalMinor === 0 || input.principalMinor > MAX_INSTALLMENT_PRINCIPAL_MINOR) {
    throw new EngineError(
      'MONEY_OUT_OF_RANGE',
      `principalMinor must be between 1 and ${MAX_INSTALLMENT_PRINCIPAL_MINOR}`,
      { field: 'principalMinor', value: input.principalMinor },
    );
  }
  if (
    !Number.isSafeInteger(input.payments) ||
    input.payments < 1 ||
    input.payments > MAX_INSTALLMENT_PAYMENTS
  ) {
    throw invalid(`payments must be an integer from 1 to ${MAX_INSTALLMENT_PAYMENTS}`, {
      payments: Number.isFinite(input.payments) ? input.payments : String(input.payments),
    });
  }
  parseLocalDate(input.firstPaymentOn);
  return parseAprPpm(input.apr);
}

/** ⌊(2a + b) / 2b⌋: a / b rounded half-up, for a ≥ 0 and b > 0. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * The exact monthly payment `P·r(1+r)^n / ((1+r)^n − 1)` rounded half-up to the minor unit, for
 * a monthly rate r = ppm / 12 000 000 > 0.
 */
export function amortisedPaymentMinor(
  principalMinor: number,
  aprPpm: number,
  payments: number,
): number {
  const d = MONTHLY_DENOMINATOR;
  const rate = BigInt(aprPpm);
  // With r = N/D: M = P·N·(D+N)^n / (D·((D+N)^n − D^n)).
  const grown = (d + rate) ** BigInt(payments);
  const base = d ** BigInt(payments);
  return Number(divideHalfUp(BigInt(principalMinor) * rate * grown, d * (grown - base)));
}

/** The due date of payment `index` (0-based): same day of month as the first, clamped. */
function dueOnOf(first: LocalDate, index: number): LocalDate {
  const month = addMonths(monthOf(first), index);
  return dateInMonth(month, Math.min(parseLocalDate(first).day, daysInMonth(month)));
}

function zeroRateRows(input: InstallmentInput): InstallmentRow[] {
  let balance = input.principalMinor;
  return splitEvenly(input.principalMinor, input.payments).map((part, index) => {
    balance -= part;
    return {
      number: index + 1,
      dueOn: dueOnOf(input.firstPaymentOn, index),
      paymentMinor: part,
      interestMinor: 0,
      principalMinor: part,
      balanceMinor: balance,
    };
  });
}

function amortisedRows(input: InstallmentInput, aprPpm: number): InstallmentRow[] {
  const payment = amortisedPaymentMinor(input.principalMinor, aprPpm, input.payments);
  const rate = BigInt(aprPpm);
  const rows: InstallmentRow[] = [];
  let balance = input.principalMinor;
  for (let index = 0; index < input.payments; index += 1) {
    const interest = Number(divideHalfUp(BigInt(balance) * rate, MONTHLY_DENOMINATOR));
    const isLast = index === input.payments - 1;
    // A rounded-up payment on a tiny loan could repay it early: never take more than is owed.
    const principal = isLast ? balance : Math.min(Math.max(payment - interest, 0), balance);
    balance -= principal;
    rows.push({
      number: index + 1,
      dueOn: dueOnOf(input.firstPaymentOn, index),
      paymentMinor: principal + interest,
      interestMinor: interest,
      principalMinor: principal,
      balanceMinor: balance,
    });
  }
  return rows;
}

/**
 * Computes the amortisation schedule of a loan repaid monthly: exact to the minor unit, the
 * principal parts adding up to the principal, the last payment absorbing the rounding.
 */
export function computeInstallmentSchedule(input: InstallmentInput): InstallmentSchedule {
  const aprPpm = checkInput(input);
  const rows = aprPpm === 0 ? zeroRateRows(input) : amortisedRows(input, aprPpm);
  let totalInterestMinor = 0;
  for (const row of rows) totalInterestMinor += row.interestMinor;
  const totalPaidMinor = input.principalMinor + totalInterestMinor;
  assertMinor(totalPaidMinor, 'totalPaidMinor');
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    currency: input.currency,
    principalMinor: input.principalMinor,
    aprPpm,
    payments: input.payments,
    paymentMinor: first?.paymentMinor ?? 0,
    lastPaymentMinor: last?.paymentMinor ?? 0,
    totalInterestMinor,
    totalPaidMinor,
    rows,
  };
}
