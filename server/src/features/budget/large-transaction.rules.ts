import { defaultLargeTransactionThreshold, LARGE_TRANSACTION_DEFAULT } from '@pace/engine';
import { parseAmount } from '../../graphql/money.type';

/**
 * Default "large transaction" thresholds for budgets not in USD (domain §5: 200 USD-equivalent).
 * The server has no exchange-rate feed, so each is a round amount near 200 USD at the reference
 * rates of late 2025 (ECB), in the currency's major unit. A person sets their own in the
 * settings; a currency not listed gets no large-transaction alert until they do.
 */
const DEFAULT_THRESHOLDS: Readonly<Record<string, string>> = {
  EUR: '200',
  GBP: '150',
  CHF: '150',
  CAD: '250',
  AUD: '300',
  NZD: '350',
  JPY: '30000',
  CNY: '1500',
  INR: '15000',
  SGD: '250',
  HKD: '1500',
  SEK: '2000',
  NOK: '2000',
  DKK: '1500',
  PLN: '750',
  CZK: '4500',
  HUF: '70000',
  MXN: '3500',
  BRL: '1000',
  ZAR: '3500',
  KRW: '300000',
};

/** The threshold (minor units) above which an expense alerts: the person's own, else the default. */
export function largeTransactionThresholdOf(settings: {
  currency: string;
  largeTransactionMinor: number | null;
}): number | null {
  if (settings.largeTransactionMinor !== null) return settings.largeTransactionMinor;
  const { currency } = settings;
  if (currency === LARGE_TRANSACTION_DEFAULT.currency)
    return defaultLargeTransactionThreshold(currency);
  const amount = DEFAULT_THRESHOLDS[currency];
  return amount === undefined ? null : parseAmount(amount, currency, { field: 'threshold' });
}
