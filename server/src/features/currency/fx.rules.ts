/**
 * Exact currency conversion (docs/currencies.md §4). The rules live in the engine, so the server
 * books and the PWA estimates offline with one rule; this file keeps the feature's import path.
 */
export {
  RATE_MAX_DECIMALS,
  RATE_SIGNIFICANT_DIGITS,
  chooseRate,
  convertMinor,
  convertPaidAmount,
  crossRate,
  divideRates,
  enteredRateCandidate,
  formatRate,
  invertRate,
  paidMinorAt,
  parseRate,
} from '@pace/engine';
export type {
  ChosenRate,
  EnteredRate,
  ExactDecimal,
  PaidConversion,
  RateCandidate,
  RateSource,
} from '@pace/engine';
