export { PaidAmountNote } from './paid-amount-note';
export { PaidCurrencyField, amountPatchOf } from './paid-currency-field';
export { ExchangeRatesSection } from './rates-section';
export { currencyOptions } from './currency-options';
export { deviceRateOf } from './offline-conversion';
export { DeviceRateHint } from './device-rate-hint';
