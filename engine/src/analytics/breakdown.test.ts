import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tx } from '../../test/builders';
import {
  BASIS_POINTS,
  computeBreakdown,
  isSpendingCategory,
  sharesInBasisPoints,
  spendingByCategory,
  spendingByDay,
} from './breakdown';

describe('what counts as spending', () => {
  it.each([
    ['groceries', true],
    ['rent', true],
    ['flex', true],
    ['savings', false],
    ['goal:0b5a2f4e-7c1d-4a7e-9d8f-000000000001', false],
  ])('%s → %s', (id, counts) => {
    expect(isSpendingCategory(id)).toBe(counts);
  });

  it('sums live expenses per category in the currency, leaving out savings, income and transfers', () => {
    const ledger = [
      tx('groceries', 1, 1250),
      tx('groceries', 2, 750),
      tx('dining_out', 2, 4000),
      tx('savings', 3, 10000),
      tx('goal:x', 3, 5000),
      tx('salary', 1, 500000, { direction: 'income' }),
      tx('groceries', 4, 999, { direction: 'transfer' }),
      { ...tx('groceries', 5, 333), currency: 'EUR' },
      { ...tx('groceries', 6, 100), currency: 'USD' },
    ];
    expect(spendingByCategory(ledger, { currency: 'USD' })).toEqual(
      new Map([
        ['groceries', 2100],
        ['dining_out', 4000],
      ]),
    );
    expect(
      spendingByCategory(ledger, { currency: 'USD', from: '2026-02-02', to: '2026-02-02' }),
    ).toEqual(
      new Map([
        ['groceries', 750],
        ['dining_out', 4000],
      ]),
    );
    expect(
      spendingByDay(ledger, { currency: 'USD', isCounted: (id) => id !== 'dining_out' }),
    ).toEqual(
      new Map([
        ['2026-02-01', 1250],
        ['2026-02-02', 750],
        ['2026-02-06', 100],
      ]),
    );
  });
});

describe('category breakdown', () => {
  it('orders by amount and splits 100 % exactly by largest remainder', () => {
    const breakdown = computeBreakdown(
      new Map([
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ]),
    );
    expect(breakdown.totalMinor).toBe(3);
    // 3333.33… each: the leftover unit goes to the first by id.
    expect(breakdown.entries).toEqual([
      { categoryId: 'a', amountMinor: 1, shareBasisPoints: 3334 },
      { categoryId: 'b', amountMinor: 1, shareBasisPoints: 3333 },
      { categoryId: 'c', amountMinor: 1, shareBasisPoints: 3333 },
    ]);
  });

  it.each([
    [
      [
        ['rent', 150000],
        ['groceries', 45000],
        ['dining_out', 5000],
      ],
      [7500, 2250, 250],
    ],
    [[['groceries', 1]], [10000]],
    [
      [
        ['groceries', 0],
        ['coffee', 200],
      ],
      [10000],
    ],
  ] as const)('%j → %j', (pairs, shares) => {
    const entries = computeBreakdown(new Map(pairs)).entries;
    expect(entries.map((e) => e.shareBasisPoints)).toEqual(shares);
  });

  it('is empty without spending', () => {
    expect(computeBreakdown(new Map())).toEqual({ totalMinor: 0, entries: [] });
    expect(sharesInBasisPoints(new Map([['x', 0]]))).toEqual(new Map());
  });

  it('always adds up to the total and to 100 % (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1e9 })),
        (record) => {
          const amounts = new Map(Object.entries(record));
          const { totalMinor, entries } = computeBreakdown(amounts);
          const sum = [...amounts.values()].reduce((s, v) => s + v, 0);
          expect(totalMinor).toBe(sum);
          if (sum > 0)
            expect(entries.reduce((s, e) => s + e.shareBasisPoints, 0)).toBe(BASIS_POINTS);
          for (const e of entries) expect(Number.isInteger(e.shareBasisPoints)).toBe(true);
        },
      ),
    );
  });
});
