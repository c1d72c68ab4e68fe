import { describe, expect, it } from 'vitest';
import { leftToAssign, splitEvenly } from './split-evenly';

describe('splitEvenly', () => {
  it.each([
    [10_000, 3, [3333, 3333, 3334]],
    [10_000, 2, [5000, 5000]],
    [10_000, 4, [2500, 2500, 2500, 2500]],
    [1, 3, [0, 0, 1]],
    [2000, 3, [666, 666, 668]],
    [1500, 1, [1500]],
    [0, 2, [0, 0]],
    [10_000, 0, []],
    [-5, 2, []],
  ])('%i in %i parts → %j', (total, count, parts) => {
    const result = splitEvenly(total, count);
    expect(result).toEqual(parts);
    if (result.length > 0) expect(result.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('leftToAssign', () => {
  it.each([
    [10_000, [3333, 3333, 3334], 0],
    [10_000, [3333, null], 6667],
    [10_000, [6000, 5000], -1000],
    [10_000, [], 10_000],
  ])('%i minus %j → %i', (total, parts, left) => {
    expect(leftToAssign(total, parts)).toBe(left);
  });
});
