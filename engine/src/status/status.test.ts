import { describe, expect, it } from 'vitest';
import { computeStatus, type Status } from './status';

describe('computeStatus: T = max(lo, min(hi, 5 % of allocation))', () => {
  it.each<[string, number, number, Status]>([
    ['USD', 100, 100, 'green'],
    ['USD', 0, 0, 'green'],
    ['USD', 0, 500, 'green'],
    ['USD', 300, 100, 'yellow'], // over 2.00 = lo
    ['USD', 301, 100, 'red'],
    ['USD', 10500, 10000, 'yellow'], // T = 5 % of 100.00 = 5.00
    ['USD', 10501, 10000, 'red'],
    ['USD', 102500, 100000, 'yellow'], // T = hi 25.00 (5 % would be 50.00)
    ['USD', 102501, 100000, 'red'],
    ['USD', 200, 0, 'yellow'], // nothing planned: lo still applies
    ['USD', 201, 0, 'red'],
    ['EUR', 300, 100, 'yellow'],
    ['GBP', 301, 100, 'red'],
    ['CHF', 102500, 100000, 'yellow'],
    ['CAD', 10501, 10000, 'red'],
    ['AUD', 10500, 10000, 'yellow'],
    ['JPY', 10500, 10000, 'yellow'], // no constants: 5 % alone
    ['JPY', 10501, 10000, 'red'],
    ['JPY', 1, 0, 'yellow'], // at least one minor unit
    ['JPY', 2, 0, 'red'],
    ['JPY', 11, 10, 'yellow'], // 5 % of 10 is 0.5 < 1 unit
    ['JPY', 12, 10, 'red'],
    ['KWD', 105000, 100000, 'yellow'],
    ['KWD', 105001, 100000, 'red'],
  ])('%s: spent %i of %i → %s', (currency, spentMinor, allocationMinor, status) => {
    expect(computeStatus({ spentMinor, allocationMinor, currency })).toBe(status);
  });
});
