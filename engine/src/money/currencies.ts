/**
 * ISO 4217 currencies and their minor-unit digits. Data, kept as one table so adding a code is a
 * one-word change. Precious metals and testing codes (XAU, XTS …) have no minor unit and are left out:
 * the engine only budgets spendable money.
 */
import { EngineError } from '../errors';

/** An ISO 4217 alphabetic code such as `USD`; validated by {@link minorDigitsOf}. */
export type CurrencyCode = string;

const CODES_BY_DIGITS: Readonly<Record<number, string>> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
    'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
    'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN ' +
    'PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL ' +
    'THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

let digitsByCode: Map<string, number> | undefined;

function table(): Map<string, number> {
  if (digitsByCode === undefined) {
    digitsByCode = new Map();
    for (const [digits, codes] of Object.entries(CODES_BY_DIGITS)) {
      for (const code of codes.split(' ')) digitsByCode.set(code, Number(digits));
    }
  }
  return digitsByCode;
}

/** Tells whether a code is a known ISO 4217 currency with a minor unit. */
export function isCurrencyCode(code: string): boolean {
  return table().has(code);
}

/** Returns the number of minor-unit digits of a currency (USD 2, JPY 0, KWD 3); throws CURRENCY_UNKNOWN. */
export function minorDigitsOf(currency: CurrencyCode): number {
  const digits = table().get(currency);
  if (digits === undefined) {
    throw new EngineError('CURRENCY_UNKNOWN', `Unknown currency "${currency}"`, { currency });
  }
  return digits;
}

/** Returns how many minor units make one major unit (USD 100, JPY 1, KWD 1000). */
export function minorPerMajor(currency: CurrencyCode): number {
  return 10 ** minorDigitsOf(currency);
}

/** Lists every supported currency code, sorted. */
export function listCurrencyCodes(): string[] {
  return [...table().keys()].sort();
}
