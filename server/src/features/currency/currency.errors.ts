import { defineErrors } from '../../graphql/app-error';

export type CurrencyErrorCode = 'EXCHANGE_RATE_UNKNOWN' | 'EXCHANGE_RATE_INVALID';

export const CurrencyError = defineErrors<CurrencyErrorCode>('CurrencyError', {
  EXCHANGE_RATE_UNKNOWN: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An amount paid in another currency cannot be converted: no rate from that currency into the budget currency is known on or before the booking date (none published by the ECB, none entered by you).',
    action:
      'Enter the rate of that day with `setExchangeRate` (or give the statement’s `paidRate`), then send the transaction again.',
    message: (d) =>
      `No exchange rate from ${String(d.from)} to ${String(d.to)} is known on or before ${String(d.on)}; enter one with setExchangeRate.`,
  },
  EXCHANGE_RATE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An exchange rate input is refused: a rate that is not a positive decimal with at most 12 digits before and after the point, a pair of the same currency, or a date range that is reversed or longer than 366 days. The message says which.',
    action: 'Correct the field the message names and send the request again.',
    message: (d) => String(d.message),
  },
});
