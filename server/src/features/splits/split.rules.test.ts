import { describe, expect, it } from 'vitest';
import { checkSplitPartChange, checkSplitParts } from './split.rules';

const reasonOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

describe('checkSplitParts', () => {
  it.each([
    [10_000, [3333, 3333, 3334], null],
    [10_000, [5000, 5000], null],
    [10_000, [3333, 3333, 3333], 'SPLIT_TOTAL_MISMATCH'],
    [10_000, [5000, 5001], 'SPLIT_TOTAL_MISMATCH'],
    [10_000, [10_000], 'SPLIT_INPUT_INVALID'],
    [10_000, [10_000, 0], 'SPLIT_INPUT_INVALID'],
    [10_000, [10_100, -100], 'SPLIT_INPUT_INVALID'],
    [20, Array.from({ length: 20 }, () => 1), null],
    [21, Array.from({ length: 21 }, () => 1), 'SPLIT_INPUT_INVALID'],
    [0, [0, 0], 'SPLIT_INPUT_INVALID'],
  ] as const)('total %i from %j → %s', (total, parts, reason) => {
    expect(reasonOf(() => checkSplitParts(total, parts))).toBe(reason);
  });
});

describe('checkSplitPartChange', () => {
  const part = {
    splitId: 's',
    amountMinor: 3333,
    direction: 'expense',
    bookedOn: '2026-03-10',
    merchant: 'Market',
    currency: 'USD',
  };
  it.each([
    ['a new category or note (same amount)', 'updated', { amountMinor: 3333 }, null],
    ['a new amount', 'updated', { amountMinor: 4000 }, 'SPLIT_TOTAL_MISMATCH'],
    ['a new day', 'updated', { bookedOn: '2026-03-11' }, 'SPLIT_PART_LOCKED'],
    ['a new payee', 'updated', { merchant: 'Other' }, 'SPLIT_PART_LOCKED'],
    ['a delete', 'deleted', {}, 'SPLIT_PART_LOCKED'],
    ['a restore', 'restored', {}, 'SPLIT_PART_LOCKED'],
  ] as const)('%s → %s', (_name, kind, next, reason) => {
    expect(reasonOf(() => checkSplitPartChange(part, { kind, next }))).toBe(reason);
    // A plain transaction is never checked.
    expect(reasonOf(() => checkSplitPartChange({ ...part, splitId: null }, { kind, next }))).toBe(
      null,
    );
  });
});
