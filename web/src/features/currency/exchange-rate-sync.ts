import type { PaceDatabase } from '@/lib/db';

/** Where the device keeps the rates its person entered: `meta` keys under this prefix. */
export const EXCHANGE_RATE_KEY_PREFIX = 'exchangeRate:';

/** A rate the person entered, as `changes(since)` sends it (source MANUAL). */
export interface WireExchangeRate {
  fromCurrency: string;
  toCurrency: string;
  rateOn: string;
  rate: string;
}

/** The device's copy of an entered rate: `rate` units of `toCurrency` for one `fromCurrency`. */
export interface MirroredExchangeRate extends WireExchangeRate {
  id: string;
}

/** One key per pair and day, as the server keeps them (entering it again replaces it). */
export function exchangeRateKeyOf(rate: WireExchangeRate): string {
  return `${EXCHANGE_RATE_KEY_PREFIX}${rate.fromCurrency}:${rate.toCurrency}:${rate.rateOn}`;
}

/** Applies an EXCHANGE_RATE change of `changes(since)`: the rate of that pair and day, now. */
export async function applyExchangeRateChange(
  db: PaceDatabase,
  change: { id: string; deleted: boolean; exchangeRate: WireExchangeRate },
): Promise<void> {
  const key = exchangeRateKeyOf(change.exchangeRate);
  if (change.deleted) {
    await db.meta.delete(key);
    return;
  }
  const { fromCurrency, toCurrency, rateOn, rate } = change.exchangeRate;
  const value: MirroredExchangeRate = { id: change.id, fromCurrency, toCurrency, rateOn, rate };
  await db.meta.put({ key, value });
}

/**
 * The mirrored rates of `currency` into `quote` (either way round, as entered) from `from` to `to`
 * (inclusive), newest day first. The exact decimal text is kept: the device never computes with it.
 */
export async function mirroredExchangeRates(
  db: PaceDatabase,
  input: { currency: string; quote: string; from: string; to: string },
): Promise<MirroredExchangeRate[]> {
  const entries = await db.meta.where('key').startsWith(EXCHANGE_RATE_KEY_PREFIX).toArray();
  return entries
    .map((entry) => entry.value as MirroredExchangeRate)
    .filter(
      (rate) =>
        rate.rateOn >= input.from &&
        rate.rateOn <= input.to &&
        ((rate.fromCurrency === input.currency && rate.toCurrency === input.quote) ||
          (rate.fromCurrency === input.quote && rate.toCurrency === input.currency)),
    )
    .sort((a, b) =>
      a.rateOn === b.rateOn
        ? Number(b.fromCurrency === input.currency) - Number(a.fromCurrency === input.currency)
        : a.rateOn < b.rateOn
          ? 1
          : -1,
    );
}
