import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import fc from 'fast-check';
import { allocateLargestRemainder, splitEvenly } from './allocate';

describe('allocateLargestRemainder', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1, 2, 3], [2, 3, 5]],
    [1, [1, 1], [1, 0]],
    [5, [0, 3, 0, 2], [0, 3, 0, 2]],
    [0, [5, 5], [0, 0]],
    [7, [2, 2, 3], [2, 2, 3]],
    [3, [1, 1, 1, 1], [1, 1, 1, 0]],
    [1000, [333, 333, 334], [333, 333, 334]],
  ])('%i by %j → %j', (total, weights, expected) => {
    expect(allocateLargestRemainder(total, weights)).toEqual(expected);
  });

  it('is exact when total × weight passes 2^53', () => {
    const total = 2 ** 52;
    const parts = allocateLargestRemainder(total, [3, 3, 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(parts).toEqual([1501199875790166, 1501199875790165, 1501199875790165]);
  });

  it('rejects weights without a positive sum', () => {
    expectCode(() => allocateLargestRemainder(5, [0, 0]), 'INPUT_INVALID');
  });

  it('parts add up, stay within one unit of the exact share, and are deterministic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }),
        (total, raw) => {
          const weights = raw.some((w) => w > 0) ? raw : [...raw, 1];
          const sum = weights.reduce((a, b) => a + b, 0);
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / sum;
            expect(part).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(part).toBeLessThanOrEqual(Math.ceil(exact));
          });
          expect(allocateLargestRemainder(total, weights)).toEqual(parts);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('splitEvenly', () => {
  it.each([
    [100, 3, [34, 33, 33]],
    [31, 31, new Array<number>(31).fill(1)],
    [2, 5, [1, 1, 0, 0, 0]],
    [0, 2, [0, 0]],
  ])('%i into %i → %j', (total, parts, expected) => {
    expect(splitEvenly(total, parts)).toEqual(expected);
  });
});
