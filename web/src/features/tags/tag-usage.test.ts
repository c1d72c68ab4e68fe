import { describe, expect, it } from 'vitest';
import { sortTagUsage } from './use-tag-usage';

const usages = [
  { tag: 'work', transactionCount: 1 },
  { tag: 'trip', transactionCount: 3 },
  { tag: 'école', transactionCount: 1 },
  { tag: 'coffee', transactionCount: 3 },
];

describe('the order of the tags screen', () => {
  it.each([
    ['usage', ['coffee', 'trip', 'école', 'work']],
    ['name', ['coffee', 'école', 'trip', 'work']],
  ] as const)('by %s', (order, expected) => {
    const sorted = sortTagUsage(usages, order, new Intl.Collator('fr'));
    expect(sorted.map((u) => u.tag)).toEqual(expected);
  });
});
