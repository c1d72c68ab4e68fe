import { describe, expect, it } from 'vitest';
import {
  directedAmount,
  parseLocalDate,
  parseSignedAmount,
  payeeSimilarity,
  type DateFormat,
} from './import-row.rules';

describe('parseLocalDate', () => {
  it.each<[string, DateFormat, string | null]>([
    ['2026-03-31', 'YYYY-MM-DD', '2026-03-31'],
    ['2026-3-5', 'YYYY-MM-DD', '2026-03-05'],
    ['03/31/2026', 'MM/DD/YYYY', '2026-03-31'],
    ['31/03/2026', 'DD/MM/YYYY', '2026-03-31'],
    ['31.03.2026', 'DD.MM.YYYY', '2026-03-31'],
    ['31/03/2026', 'MM/DD/YYYY', null],
    ['2026-02-29', 'YYYY-MM-DD', null],
    ['2024-02-29', 'YYYY-MM-DD', '2024-02-29'],
    ['31.04.2026', 'DD.MM.YYYY', null],
    ['yesterday', 'YYYY-MM-DD', null],
  ])('%s in %s is %s', (text, format, expected) => {
    expect(parseLocalDate(text, format)).toBe(expected);
  });
});

describe('parseSignedAmount', () => {
  it.each<[string, '.' | ',', string, number]>([
    ['-12.30', '.', 'USD', -1230],
    ['+12.30', '.', 'USD', 1230],
    ['1,234.56', '.', 'USD', 123456],
    ['-1.234,56', ',', 'EUR', -123456],
    ['12,3', ',', 'EUR', 1230],
    ['-1500', '.', 'JPY', -1500],
    [' 7 ', '.', 'USD', 700],
  ])('%s with %s in %s is %i minor units', (text, separator, currency, expected) => {
    expect(parseSignedAmount(text, currency, separator)).toBe(expected);
  });

  it.each<[string, '.' | ',']>([
    ['12.345', '.'],
    ['12.30', ','],
    ['abc', '.'],
    ['', '.'],
  ])('refuses %s with %s', (text, separator) => {
    expect(() => parseSignedAmount(text, 'USD', separator)).toThrow(/not an amount/);
  });
});

describe('directedAmount', () => {
  it.each([
    [-1230, 'NEGATIVE_IS_EXPENSE', 1230, 'expense'],
    [1230, 'NEGATIVE_IS_EXPENSE', 1230, 'income'],
    [1230, 'POSITIVE_IS_EXPENSE', 1230, 'expense'],
    [-1230, 'POSITIVE_IS_EXPENSE', 1230, 'income'],
  ] as const)('%i with %s is %i %s', (signed, convention, amountMinor, direction) => {
    expect(directedAmount(signed, convention)).toEqual({ amountMinor, direction });
  });

  it('refuses a zero amount', () => {
    expect(() => directedAmount(0, 'NEGATIVE_IS_EXPENSE')).toThrow(/zero/);
  });
});

describe('payeeSimilarity', () => {
  it.each([
    ['AMAZON.COM*Mktp', 'amazon com mktp', 1],
    ['Café Nero', 'CAFE NERO', 1],
    ['Whole Foods Market', 'Whole Foods', 2 / 3],
    ['Shop 1', 'Shop 2', 1 / 3],
    ['', '', 1],
  ])('%s ~ %s is %d', (a, b, expected) => {
    expect(payeeSimilarity(a, b)).toBeCloseTo(expected);
  });
});
