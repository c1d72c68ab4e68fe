import { describe, expect, it } from 'vitest';
import { parseSignedAmount } from './money-input';

describe('a typed balance', () => {
  it.each([
    ['1000.00', 'en', 100_000],
    ['-300', 'en', -30_000],
    ['\u2212300,50', 'de', -30_050],
    ['0', 'en', 0],
    ['0.00', 'en', 0],
    ['abc', 'en', null],
    ['-', 'en', null],
    ['1.001', 'en', null],
  ])('%s (%s) reads as %s', (text, locale, expected) => {
    expect(parseSignedAmount(text, 'USD', locale)).toBe(expected);
  });
});
