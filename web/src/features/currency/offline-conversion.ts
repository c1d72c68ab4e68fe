import {
  chooseRate,
  convertPaidAmount,
  enteredRateCandidate,
  formatRate,
  type RateCandidate,
} from '@pace/engine';
import type { PaceDatabase, TransactionRecord } from '@/lib/db';
import { EXCHANGE_RATE_KEY_PREFIX, type MirroredExchangeRate } from './exchange-rate-sync';

/** What to convert: a paid amount into the budget currency, on its booking date. */
export interface DeviceConversionRequest {
  paidMinor: number;
  paidCurrency: string;
  budgetCurrency: string;
  bookedOn: string;
}

/** The fields of a transaction converted on this device until the server's answer replaces them. */
export type DeviceConversion = Required<
  Pick<TransactionRecord, 'amountMinor' | 'fxRate' | 'fxRateOn' | 'fxRateEstimated'>
> & { fxRateOnDevice: true };

/** The rate candidates of a pair among the rates this device mirrored (either way round). */
export async function mirroredRateCandidates(
  db: PaceDatabase,
  pair: { paidCurrency: string; budgetCurrency: string },
): Promise<RateCandidate[]> {
  const entries = await db.meta.where('key').startsWith(EXCHANGE_RATE_KEY_PREFIX).toArray();
  return entries.flatMap((entry) => {
    const candidate = enteredRateCandidate(entry.value as MirroredExchangeRate, pair);
    return candidate ? [candidate] : [];
  });
}

/**
 * Converts a paid amount on the device with the rates it synced, by the server's own rule
 * (`convertPaidAmount` of the engine: the nearest rate on or before the day, rounded once, half
 * up). Null when the device knows no rate that early, or the result is not a bookable amount: the
 * transaction then waits for the server ("converted when online", docs/currencies.md §5).
 */
export async function convertOnDevice(
  db: PaceDatabase,
  request: DeviceConversionRequest,
): Promise<DeviceConversion | null> {
  const { paidMinor, paidCurrency, budgetCurrency, bookedOn } = request;
  if (paidCurrency === budgetCurrency) return null;
  const candidates = await mirroredRateCandidates(db, { paidCurrency, budgetCurrency });
  const result = convertPaidAmount({
    paidMinor,
    paidCurrency,
    budgetCurrency,
    bookedOn,
    candidates,
  });
  // Below one minor unit the server refuses the write: nothing is estimated for it either.
  if (!result.ok || result.conversion.amountMinor <= 0) return null;
  const { conversion } = result;
  return {
    amountMinor: conversion.amountMinor,
    fxRate: formatRate(conversion.rate),
    fxRateOn: conversion.rateOn,
    fxRateEstimated: conversion.isEstimated,
    fxRateOnDevice: true,
  };
}

/** The mirrored rate a conversion on `bookedOn` would use, for a screen to say so; null: none. */
export async function deviceRateOf(
  db: PaceDatabase,
  request: Omit<DeviceConversionRequest, 'paidMinor'>,
): Promise<{ rate: string; rateOn: string; isEstimated: boolean } | null> {
  const { paidCurrency, budgetCurrency, bookedOn } = request;
  if (paidCurrency === budgetCurrency) return null;
  const chosen = chooseRate(
    await mirroredRateCandidates(db, { paidCurrency, budgetCurrency }),
    bookedOn,
  );
  return chosen
    ? { rate: formatRate(chosen.rate), rateOn: chosen.rateOn, isEstimated: chosen.isEstimated }
    : null;
}

/**
 * The device's conversion after an edit: a new paid amount, or a new day of a converted one, is
 * converted again here (the server's answer replaces it). `{}` when the edit converts nothing
 * again; `{ fxRateOnDevice: false }` when it does but the device knows no rate.
 */
export async function convertEditOnDevice(
  db: PaceDatabase,
  record: TransactionRecord,
  edit: { paid?: { amountMinor: number; currency: string } | null; bookedOn?: string },
): Promise<Partial<TransactionRecord>> {
  const bookedOn = edit.bookedOn ?? record.bookedOn;
  const paid =
    edit.paid ??
    (edit.paid === undefined &&
    edit.bookedOn !== undefined &&
    record.originalCurrency &&
    record.originalAmountMinor != null
      ? { amountMinor: record.originalAmountMinor, currency: record.originalCurrency }
      : null);
  if (!paid) return {};
  const conversion = await convertOnDevice(db, {
    paidMinor: paid.amountMinor,
    paidCurrency: paid.currency,
    budgetCurrency: record.currency,
    bookedOn,
  });
  return conversion ?? { fxRateOnDevice: false };
}
