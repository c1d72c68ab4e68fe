/**
 * Large transactions (domain §5): an expense above a per-user threshold, 200 USD-equivalent by
 * default. The engine never looks rates up: for another currency the caller passes the rate
 * (units of that currency per 1 USD, an exact decimal string) and the threshold is rounded up to
 * the minor unit.
 */
import { EngineError } from '../errors';
import { minorPerMajor } from '../money/currencies';
import { fraction, fromDecimal, times } from '../plan/fraction';
import type { LedgerTransaction } from '../month/types';

/** Default threshold: 200 USD. */
export const LARGE_TRANSACTION_DEFAULT = { amountMinor: 20_000, currency: 'USD' } as const;

/** The default threshold in a currency, converted with `usdRate` (required unless USD). */
export function defaultLargeTransactionThreshold(currency: string, usdRate?: string): number {
  if (currency === LARGE_TRANSACTION_DEFAULT.currency) return LARGE_TRANSACTION_DEFAULT.amountMinor;
  if (usdRate === undefined) {
    throw new EngineError('INPUT_INVALID', `A USD rate is needed for ${currency}`, { currency });
  }
  const usdMajor = fraction(LARGE_TRANSACTION_DEFAULT.amountMinor, minorPerMajor('USD'));
  const value = times(usdMajor, fromDecimal(usdRate), fraction(minorPerMajor(currency)));
  return Number((value.n + value.d - 1n) / value.d);
}

/** Tells whether a transaction is an expense above the threshold. */
export function isLargeTransaction(
  transaction: Pick<LedgerTransaction, 'amountMinor' | 'direction'>,
  thresholdMinor: number,
): boolean {
  return transaction.direction === 'expense' && transaction.amountMinor > thresholdMinor;
}
