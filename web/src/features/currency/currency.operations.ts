// Exchange rates: the person's own (Settings) and the rates of a currency over a few days.

export const EXCHANGE_RATES = /* GraphQL */ `
  query ExchangeRates($currency: CurrencyCode!, $from: Date!, $to: Date!) {
    exchangeRates(currency: $currency, from: $from, to: $to) {
      fromCurrency
      toCurrency
      rateOn
      rate
      source
      enteredByYou
    }
  }
`;

export const RATES_BUDGET = /* GraphQL */ `
  query RatesBudget {
    budgetSettings {
      currency
      timeZone
    }
  }
`;

export const SET_EXCHANGE_RATE = /* GraphQL */ `
  mutation SetExchangeRate($input: SetExchangeRateInput!) {
    setExchangeRate(input: $input) {
      exchangeRate {
        fromCurrency
        toCurrency
        rateOn
        rate
        source
      }
    }
  }
`;

/** One day's rate as the screens show it. */
export interface ExchangeRateView {
  fromCurrency: string;
  toCurrency: string;
  rateOn: string;
  rate: string;
  source: 'ECB' | 'MANUAL' | 'STATEMENT';
  /** False for a published rate and for one a household member entered. */
  enteredByYou: boolean;
}
