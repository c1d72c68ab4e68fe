import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import fc from 'fast-check';
import { isEngineError, type EngineErrorCode } from '../errors';
import { formatDecimal } from './format';
import { moneyFromWire, parseDecimal } from './parse';

describe('parseDecimal (wire form)', () => {
  it.each([
    ['12.30', 'USD', 1230],
    ['12.3', 'USD', 1230],
    ['12', 'USD', 1200],
    ['0.01', 'USD', 1],
    ['-4.05', 'USD', -405],
    ['-0.00', 'USD', 0],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['0007.5', 'EUR', 750],
    [' 3.10 ', 'USD', 310],
    ['90071992547409.91', 'USD', 9007199254740991],
  ])('%s %s → %i minor units', (text, currency, expected) => {
    expect(parseDecimal(text, currency)).toBe(expected);
  });

  it('never yields negative zero', () => {
    expect(Object.is(parseDecimal('-0', 'USD'), 0)).toBe(true);
  });

  it.each<[string, string, EngineErrorCode]>([
    ['12.345', 'USD', 'MONEY_TOO_MANY_DECIMALS'],
    ['12.300', 'USD', 'MONEY_TOO_MANY_DECIMALS'],
    ['1500.0', 'JPY', 'MONEY_TOO_MANY_DECIMALS'],
    ['1.2345', 'KWD', 'MONEY_TOO_MANY_DECIMALS'],
    ['1,234.56', 'USD', 'MONEY_INVALID'],
    ['12,30', 'USD', 'MONEY_INVALID'],
    ['', 'USD', 'MONEY_INVALID'],
    ['-', 'USD', 'MONEY_INVALID'],
    ['.5', 'USD', 'MONEY_INVALID'],
    ['5.', 'USD', 'MONEY_INVALID'],
    ['1.2.3', 'USD', 'MONEY_INVALID'],
    ['+5', 'USD', 'MONEY_INVALID'],
    ['1e3', 'USD', 'MONEY_INVALID'],
    ['12 .30', 'USD', 'MONEY_INVALID'],
    ['90071992547409.92', 'USD', 'MONEY_OUT_OF_RANGE'],
    ['1.00', 'XXX', 'CURRENCY_UNKNOWN'],
  ])('%s %s is rejected with %s', (text, currency, code) => {
    expectCode(() => parseDecimal(text, currency), code);
  });

  it('reads the wire shape into Money', () => {
    expect(moneyFromWire({ amount: '12.30', currency: 'USD' })).toEqual({
      amountMinor: 1230,
      currency: 'USD',
    });
  });
});

describe('parseDecimal with a locale', () => {
  it.each([
    ['1,234.56', 'en-US', 'USD', 123456],
    ['1,234,567.89', 'en-US', 'USD', 123456789],
    ['1.234,56', 'de-DE', 'EUR', 123456],
    ['12,5', 'de-DE', 'EUR', 1250],
    ['1 234,56', 'fr-FR', 'EUR', 123456],
    ['1\u202f234,56', 'fr-FR', 'EUR', 123456],
    ['12,34,567.89', 'en-IN', 'INR', 123456789],
    ['1,500', 'ja-JP', 'JPY', 1500],
    ['\u0661\u066c\u0662\u0663\u0664\u066b\u0665\u0666', 'ar-EG', 'EGP', 123456],
    ['1234.56', 'en-US', 'USD', 123456],
  ])('%s in %s (%s) → %i', (text, locale, currency, expected) => {
    expect(parseDecimal(text, currency, { locale })).toBe(expected);
  });

  it.each<[string, string, string, EngineErrorCode]>([
    ['12.30', 'de-DE', 'EUR', 'MONEY_INVALID'],
    ['1,23,456.00', 'en-US', 'USD', 'MONEY_INVALID'],
    ['1234,567.00', 'en-US', 'USD', 'MONEY_INVALID'],
    ['1,234.567', 'en-US', 'USD', 'MONEY_TOO_MANY_DECIMALS'],
    ['1.00', 'not a locale!', 'USD', 'LOCALE_INVALID'],
  ])('%s in %s (%s) is rejected with %s', (text, locale, currency, code) => {
    expectCode(() => parseDecimal(text, currency, { locale }), code);
  });
});

describe('wire round trip', () => {
  it('format then parse gives the same minor units, for every currency digit count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('USD', 'JPY', 'KWD', 'CLF'),
        (minor, currency) => parseDecimal(formatDecimal(minor, currency), currency) === minor,
      ),
      { numRuns: 300 },
    );
  });

  it('errors are EngineErrors with details', () => {
    try {
      parseDecimal('1.999', 'USD');
      expect.unreachable();
    } catch (error) {
      expect(isEngineError(error, 'MONEY_TOO_MANY_DECIMALS')).toBe(true);
      expect(isEngineError(error) && error.details).toEqual({
        text: '1.999',
        currency: 'USD',
        allowed: 2,
        given: 3,
      });
    }
  });
});
