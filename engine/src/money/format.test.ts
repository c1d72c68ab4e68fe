import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { formatDecimal, moneyToWire } from './format';
import {
  addMoney,
  floorDivide,
  ceilDivide,
  money,
  multiplyDivideFloor,
  subtractMoney,
  sumMinor,
} from './money';
import { minorDigitsOf } from './currencies';

describe('formatDecimal', () => {
  it.each([
    [1230, 'USD', '12.30'],
    [5, 'USD', '0.05'],
    [0, 'USD', '0.00'],
    [-0, 'USD', '0.00'],
    [-1, 'USD', '-0.01'],
    [-123456, 'EUR', '-1234.56'],
    [1500, 'JPY', '1500'],
    [-1500, 'JPY', '-1500'],
    [1234, 'KWD', '1.234'],
    [7, 'KWD', '0.007'],
    [9007199254740991, 'USD', '90071992547409.91'],
  ])('%i %s → %s', (minor, currency, expected) => {
    expect(formatDecimal(minor, currency)).toBe(expected);
  });

  it.each([[0.5], [Number.NaN], [2 ** 53]])('refuses %s (not a safe integer)', (value) => {
    expectCode(() => formatDecimal(value, 'USD'), 'MONEY_OUT_OF_RANGE');
  });

  it('converts Money to the wire shape', () => {
    expect(moneyToWire(money(-0, 'USD'))).toEqual({ amount: '0.00', currency: 'USD' });
  });
});

describe('currencies', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i minor digits', (code, digits) => {
    expect(minorDigitsOf(code)).toBe(digits);
  });

  it.each([['usd'], ['XAU'], ['ABC'], ['']])('%s is unknown', (code) => {
    expectCode(() => minorDigitsOf(code), 'CURRENCY_UNKNOWN');
  });
});

describe('money arithmetic', () => {
  it('adds and subtracts in one currency', () => {
    expect(addMoney(money(150, 'USD'), money(275, 'USD'))).toEqual(money(425, 'USD'));
    expect(subtractMoney(money(150, 'USD'), money(275, 'USD'))).toEqual(money(-125, 'USD'));
  });

  it('refuses mixing currencies', () => {
    expectCode(() => addMoney(money(1, 'USD'), money(1, 'EUR')), 'CURRENCY_MISMATCH');
  });

  it('refuses sums past 2^53', () => {
    expectCode(() => sumMinor([Number.MAX_SAFE_INTEGER, 1]), 'MONEY_OUT_OF_RANGE');
  });

  it.each([
    [7, 2, 3, 4],
    [6, 3, 2, 2],
    [0, 5, 0, 0],
    [2 ** 53 - 1, 10, 900719925474099, 900719925474100],
    [2 ** 52 + 1, 3, 1501199875790165, 1501199875790166],
  ])('floor and ceil of %i / %i are %i and %i', (a, b, floor, ceil) => {
    expect(floorDivide(a, b)).toBe(floor);
    expect(ceilDivide(a, b)).toBe(ceil);
  });

  it.each([
    [100, 15, 31, 48],
    [9007199254740991, 15, 31, 4358322220035963],
  ])('⌊%i × %i / %i⌋ = %i, exact past 2^53', (a, b, c, expected) => {
    expect(multiplyDivideFloor(a, b, c)).toBe(expected);
  });
});
