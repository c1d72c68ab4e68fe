import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerTransaction } from '../month/types';
import { addDays, weekdayOf } from '../time/calendar';
import { spendingDaysOf, standardise } from './day-features';
import { namesOf, traitsOf, type ClusterFigures } from './naming';
import { distanceMatrix, meanSilhouette } from './silhouette';
import {
  CLUSTER_K_MAX,
  MIN_CLUSTER_TRANSACTIONS,
  computeSpendingClusters,
} from './spending-clusters';

const expense = (
  bookedOn: string,
  categoryId: string,
  amountMinor: number,
  extra: Partial<LedgerTransaction> = {},
): LedgerTransaction => ({ bookedOn, categoryId, amountMinor, direction: 'expense', ...extra });

/** Eight weeks from Monday 2026-03-02: weekday groceries (small, several) and weekend dining (large). */
function twoHabits(weeks = 8): LedgerTransaction[] {
  const ledger: LedgerTransaction[] = [];
  for (let d = 0; d < weeks * 7; d += 1) {
    const date = addDays('2026-03-02', d);
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6) {
      ledger.push(expense(date, 'dining_out', 6000 + ((d * 53) % 600)));
    } else {
      ledger.push(expense(date, 'groceries', 800 + ((d * 37) % 300)));
      ledger.push(expense(date, 'groceries', 800 + ((d * 71) % 300)));
    }
  }
  return ledger;
}

describe('spending clusters: when there is enough data', () => {
  const day = (n: number) => addDays('2026-03-02', n % 10);
  it.each([
    ['no spending', 0, 'not_enough_data'],
    ['29 expenses', 29, 'not_enough_data'],
    ['30 expenses', 30, 'ok'],
  ])('%s → %s', (_label, count, status) => {
    const ledger = Array.from({ length: count }, (_, i) =>
      expense(day(i), i % 2 === 0 ? 'groceries' : 'coffee', 500 + i * 37),
    );
    const result = computeSpendingClusters({ ledger, currency: 'USD' });
    expect(result).toMatchObject({ status, transactionCount: count, neededTransactions: 30 });
    if (status === 'not_enough_data') expect(result.clusters).toEqual([]);
  });

  it('counts only live expenses in the budget currency, outside savings and goals', () => {
    const base = Array.from({ length: 29 }, (_, i) => expense(day(i), 'groceries', 800 + i));
    const extras = [
      expense(day(1), 'groceries', 500, { currency: 'EUR' }),
      expense(day(1), 'savings', 500),
      expense(day(1), 'goal:trip', 500),
      expense(day(1), 'groceries', 500, { direction: 'income' }),
      expense(day(1), 'groceries', 500, { direction: 'transfer' }),
    ];
    const result = computeSpendingClusters({ ledger: [...base, ...extras], currency: 'USD' });
    expect(result).toMatchObject({ status: 'not_enough_data', transactionCount: 29 });
  });

  it('clusters only the year up to the latest day with spending', () => {
    const old = Array.from({ length: 40 }, (_, i) =>
      expense(addDays('2024-01-01', i), 'rent', 9000),
    );
    const days = spendingDaysOf([...old, ...twoHabits()], 'USD');
    expect(days[0]?.date).toBe('2026-03-02');
    expect(days.every((d) => !d.byCategory.has('rent'))).toBe(true);
  });

  it('needs three days with spending', () => {
    const ledger = Array.from({ length: 40 }, (_, i) => expense(day(i % 2), 'groceries', 500 + i));
    expect(computeSpendingClusters({ ledger, currency: 'USD' })).toMatchObject({
      status: 'not_enough_data',
      dayCount: 2,
    });
  });
});

describe('spending clusters: the clusters found', () => {
  it('separates weekday groceries from weekend dining out, and names them', () => {
    const result = computeSpendingClusters({ ledger: twoHabits(), currency: 'USD' });
    expect(result.status).toBe('ok');
    expect(result.k).toBe(2);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.silhouette).toBe(Math.max(...result.candidates.map((c) => c.silhouette)));
    const byName = Object.fromEntries(result.clusters.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual([
      'Large weekend dining out',
      'Small weekday groceries',
    ]);
    expect(byName['Large weekend dining out']).toMatchObject({
      dayCount: 16,
      transactionCount: 16,
      weekendShareBasisPoints: 10_000,
      traits: { dominantCategoryId: 'dining_out', dayKind: 'weekend', ticketSize: 'large' },
    });
    expect(byName['Small weekday groceries']).toMatchObject({
      dayCount: 40,
      transactionCount: 80,
      transactionsPerDay: 2,
      weekendShareBasisPoints: 0,
      topCategories: [{ categoryId: 'groceries', shareBasisPoints: 10_000 }],
    });
  });

  it('answers one cluster when every day looks the same', () => {
    const ledger = Array.from({ length: 35 }, (_, i) =>
      expense(addDays('2026-03-02', i * 7), 'groceries', 1000),
    );
    const result = computeSpendingClusters({ ledger, currency: 'USD' });
    expect(result).toMatchObject({ status: 'ok', k: 1, silhouette: null, candidates: [] });
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]?.name).toBe('Weekday groceries');
  });

  it('uses the person’s own category names as typed', () => {
    const ledger = twoHabits().map((t) =>
      t.categoryId === 'dining_out' ? { ...t, categoryId: 'user:brunch' } : t,
    );
    const result = computeSpendingClusters({
      ledger,
      currency: 'USD',
      categoryNames: new Map([['user:brunch', 'Sunday Brunch']]),
    });
    expect(result.clusters.map((c) => c.name)).toContain('Large weekend Sunday Brunch');
  });
});

describe('cluster traits', () => {
  const figures = (over: Partial<ClusterFigures>): ClusterFigures => ({
    dayCount: 10,
    transactionCount: 20,
    totalMinor: 20_000,
    averageTicketMinor: 1000,
    transactionsPerDay: 2,
    weekendShareBasisPoints: 2857,
    topCategories: [{ categoryId: 'groceries', amountMinor: 20_000, shareBasisPoints: 10_000 }],
    ...over,
  });
  const overall = figures({});
  it.each([
    [{ weekendShareBasisPoints: 6000 }, { dayKind: 'weekend' }],
    [{ weekendShareBasisPoints: 5999 }, { dayKind: 'mixed' }],
    [{ weekendShareBasisPoints: 1000 }, { dayKind: 'weekday' }],
    [{ averageTicketMinor: 625 }, { ticketSize: 'small' }],
    [{ averageTicketMinor: 626 }, { ticketSize: 'typical' }],
    [{ averageTicketMinor: 1600 }, { ticketSize: 'large' }],
    [{ transactionsPerDay: 3 }, { activity: 'busy' }],
    [{ transactionsPerDay: 1.2 }, { activity: 'quiet' }],
    [{ transactionsPerDay: 1.5 }, { activity: 'typical' }],
  ] as const)('%j → %j', (over, expected) => {
    expect(traitsOf(figures(over), overall)).toMatchObject(expected);
  });

  it('makes names unique: activity, then second category, then a number', () => {
    const traits = {
      dominantCategoryId: 'groceries',
      dayKind: 'weekday',
      ticketSize: 'small',
      activity: 'typical',
    } as const;
    const second = (categoryId: string) =>
      figures({
        topCategories: [
          { categoryId: 'groceries', amountMinor: 15_000, shareBasisPoints: 7500 },
          { categoryId, amountMinor: 5000, shareBasisPoints: 2500 },
        ],
      });
    const names = namesOf(
      [
        { traits: { ...traits, activity: 'busy' }, figures: figures({}) },
        { traits, figures: second('coffee') },
        { traits, figures: second('fuel') },
        { traits, figures: figures({}) },
        { traits, figures: figures({}) },
      ],
      new Map(),
    );
    expect(names).toEqual([
      'Busy small weekday groceries',
      'Small weekday groceries and coffee',
      'Small weekday groceries and fuel',
      'Small weekday groceries 1',
      'Small weekday groceries 2',
    ]);
  });
});

describe('silhouette and standardisation', () => {
  it('scores two tight, far apart pairs close to 1 and a bad split below 0', () => {
    const points = [[0], [0.1], [10], [10.1]];
    const distances = distanceMatrix(points);
    expect(meanSilhouette(distances, [0, 0, 1, 1], 2)).toBeCloseTo(0.99, 2);
    expect(meanSilhouette(distances, [0, 1, 0, 1], 2)).toBeLessThan(0);
  });

  it.each([
    [
      [[1], [2], [3]],
      [[-1.2247], [0], [1.2247]],
    ],
    [
      [
        [5, 1],
        [5, 3],
      ],
      [
        [0, -1],
        [0, 1],
      ],
    ],
  ])('standardises %j', (rows, expected) => {
    standardise(rows).forEach((row, i) =>
      row.forEach((value, c) => expect(value).toBeCloseTo(expected[i]?.[c] ?? NaN, 4)),
    );
  });
});

const arbitraryLedger = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 120 }),
    categoryId: fc.constantFrom('groceries', 'dining_out', 'coffee', 'fuel', 'rent', 'user:pets'),
    amountMinor: fc.integer({ min: 1, max: 200_000 }),
  }),
  { minLength: 0, maxLength: 400 },
);

describe('spending clusters: properties', () => {
  it('partition the days and the money, in bounds, whatever the order of the ledger', () => {
    fc.assert(
      fc.property(arbitraryLedger, fc.integer(), (rows, seed) => {
        const ledger = rows.map((r) =>
          expense(addDays('2026-01-01', r.day), r.categoryId, r.amountMinor),
        );
        const result = computeSpendingClusters({ ledger, currency: 'USD' });
        const shuffled = fc.sample(fc.shuffledSubarray(ledger, { minLength: ledger.length }), {
          seed,
          numRuns: 1,
        })[0];
        expect(computeSpendingClusters({ ledger: shuffled ?? ledger, currency: 'USD' })).toEqual(
          result,
        );
        expect(result.status).toBe(
          result.transactionCount >= MIN_CLUSTER_TRANSACTIONS && result.dayCount >= 3
            ? 'ok'
            : 'not_enough_data',
        );
        if (result.status === 'not_enough_data') return;
        const total = ledger.reduce((sum, t) => sum + t.amountMinor, 0);
        const sum = (key: 'dayCount' | 'transactionCount' | 'totalMinor') =>
          result.clusters.reduce((s, c) => s + c[key], 0);
        expect(sum('totalMinor')).toBe(total);
        expect(sum('transactionCount')).toBe(ledger.length);
        expect(sum('dayCount')).toBe(result.dayCount);
        expect(new Set(result.clusters.flatMap((c) => c.dates)).size).toBe(result.dayCount);
        expect(result.k).toBe(result.clusters.length);
        expect(result.k).toBeGreaterThanOrEqual(1);
        expect(result.k).toBeLessThanOrEqual(CLUSTER_K_MAX);
        if (result.silhouette !== null) {
          expect(result.silhouette).toBeGreaterThanOrEqual(-1);
          expect(result.silhouette).toBeLessThanOrEqual(1);
        }
        const names = result.clusters.map((c) => c.name);
        expect(new Set(names).size).toBe(names.length);
        expect(names.every((n) => n.length > 0)).toBe(true);
        for (const cluster of result.clusters) {
          const shares = cluster.topCategories.reduce((s, c) => s + c.shareBasisPoints, 0);
          expect(shares).toBeLessThanOrEqual(10_000);
        }
      }),
      { numRuns: 60 },
    );
  });
});
