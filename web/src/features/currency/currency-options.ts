import { listCurrencyCodes } from '@pace/engine';

/** Currencies people pay in most, offered first after the budget currency. */
const COMMON = ['EUR', 'USD', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'SEK', 'NOK', 'DKK', 'PLN'];

/** The budget currency, the common ones, then every other ISO 4217 code, each with its name. */
export function currencyOptions(
  budgetCurrency: string,
  locale: string,
): { code: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  const order = [...new Set([budgetCurrency, ...COMMON, ...listCurrencyCodes()])];
  return order.map((code) => ({ code, label: `${code} · ${names.of(code) ?? code}` }));
}
