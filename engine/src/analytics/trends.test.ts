import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDrift, computeTrends, trendDirectionOf } from './trends';

const m = (pairs: [string, number][]) => new Map(pairs);

describe('trend direction', () => {
  it.each([
    [10000, 10500, 'flat'], // exactly 5 % up
    [10000, 10501, 'up'],
    [10000, 9500, 'flat'],
    [10000, 9499, 'down'],
    [0, 0, 'flat'],
    [0, 1, 'up'],
    [1, 0, 'down'],
  ] as const)('%i → %i is %s', (previous, current, direction) => {
    expect(trendDirectionOf(previous, current)).toBe(direction);
  });
});

describe('month-over-month trends', () => {
  it('gives each category its series and the change against comparable days', () => {
    const trends = computeTrends({
      months: [
        { month: '2026-01', byCategory: m([['groceries', 40000]]) },
        {
          month: '2026-02',
          byCategory: m([
            ['groceries', 42000],
            ['dining_out', 9000],
          ]),
        },
        {
          month: '2026-03',
          byCategory: m([
            ['groceries', 20000],
            ['coffee', 1200],
          ]),
        },
      ],
      previous: m([
        ['groceries', 21000],
        ['dining_out', 4000],
      ]),
    });
    expect(trends).toEqual([
      {
        categoryId: 'groceries',
        series: [
          { month: '2026-01', amountMinor: 40000 },
          { month: '2026-02', amountMinor: 42000 },
          { month: '2026-03', amountMinor: 20000 },
        ],
        currentMinor: 20000,
        previousMinor: 21000,
        changeMinor: -1000,
        direction: 'flat',
      },
      {
        categoryId: 'coffee',
        series: [
          { month: '2026-01', amountMinor: 0 },
          { month: '2026-02', amountMinor: 0 },
          { month: '2026-03', amountMinor: 1200 },
        ],
        currentMinor: 1200,
        previousMinor: 0,
        changeMinor: 1200,
        direction: 'up',
      },
      {
        categoryId: 'dining_out',
        series: [
          { month: '2026-01', amountMinor: 0 },
          { month: '2026-02', amountMinor: 9000 },
          { month: '2026-03', amountMinor: 0 },
        ],
        currentMinor: 0,
        previousMinor: 4000,
        changeMinor: -4000,
        direction: 'down',
      },
    ]);
  });

  it('is empty without spending', () => {
    expect(
      computeTrends({ months: [{ month: '2026-03', byCategory: m([]) }], previous: m([]) }),
    ).toEqual([]);
  });
});

describe('drift of category shares', () => {
  it('measures how the mix moved, not how much was spent', () => {
    const before = m([
      ['groceries', 50000],
      ['dining_out', 50000],
    ]);
    // Twice the spending, same mix: no drift.
    const doubled = m([
      ['groceries', 100000],
      ['dining_out', 100000],
    ]);
    expect(computeDrift(before, doubled).distanceBasisPoints).toBe(0);

    const shifted = m([
      ['groceries', 30000],
      ['dining_out', 60000],
      ['coffee', 10000],
    ]);
    const drift = computeDrift(before, shifted);
    expect(drift.distanceBasisPoints).toBe(2000);
    expect(drift.entries).toEqual([
      {
        categoryId: 'groceries',
        previousShareBasisPoints: 5000,
        currentShareBasisPoints: 3000,
        changeBasisPoints: -2000,
        isNotable: true,
      },
      {
        categoryId: 'coffee',
        previousShareBasisPoints: 0,
        currentShareBasisPoints: 1000,
        changeBasisPoints: 1000,
        isNotable: true,
      },
      {
        categoryId: 'dining_out',
        previousShareBasisPoints: 5000,
        currentShareBasisPoints: 6000,
        changeBasisPoints: 1000,
        isNotable: true,
      },
    ]);
  });

  it.each([
    [499, false],
    [500, true],
  ])('a move of %i basis points is notable: %s', (move, notable) => {
    const drift = computeDrift(
      m([
        ['a', 5000],
        ['b', 5000],
      ]),
      m([
        ['a', 5000 + move],
        ['b', 5000 - move],
      ]),
    );
    expect(drift.entries.every((e) => e.isNotable === notable)).toBe(true);
  });

  it('has no distance when a month has no spending', () => {
    expect(computeDrift(m([]), m([['a', 1]]))).toEqual({ distanceBasisPoints: null, entries: [] });
  });

  it('is a distance from 0 to 100 % that is symmetric (property)', () => {
    const amounts = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.integer({ min: 1, max: 1e8 }),
      { minKeys: 1 },
    );
    fc.assert(
      fc.property(amounts, amounts, (x, y) => {
        const there = computeDrift(new Map(Object.entries(x)), new Map(Object.entries(y)));
        const back = computeDrift(new Map(Object.entries(y)), new Map(Object.entries(x)));
        expect(there.distanceBasisPoints).toBe(back.distanceBasisPoints);
        expect(Number.isInteger(there.distanceBasisPoints)).toBe(true);
        expect(there.distanceBasisPoints).toBeGreaterThanOrEqual(0);
        expect(there.distanceBasisPoints).toBeLessThanOrEqual(10000);
      }),
    );
  });
});
