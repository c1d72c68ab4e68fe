import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { handPlan, tx } from '../../test/builders';
import { findCategory } from '../categories/categories';
import {
  CHALLENGE_CATALOGUE,
  challengeCapMinor,
  challengeEndsOn,
  challengeStartsOn,
  findChallenge,
  type ChallengeDefinition,
} from './catalogue';
import { computeChallengeProgress, countsAsSpending, type ChallengeProgress } from './progress';

function challenge(id: string): ChallengeDefinition {
  const found = findChallenge(id);
  if (!found) throw new Error(`no challenge ${id}`);
  return found;
}

const NO_DINING = challenge('no-dining-out-7-days');
const COFFEE = challenge('coffee-half-plan-week');
const NO_SPEND = challenge('no-spend-day');
const GROCERIES_ONLY = challenge('groceries-only-3-days');
const WEEKEND = challenge('no-delivery-weekend');

describe('the catalogue', () => {
  it('has unique ids, known categories, and a share exactly when it caps', () => {
    expect(new Set(CHALLENGE_CATALOGUE.map((c) => c.id)).size).toBe(CHALLENGE_CATALOGUE.length);
    for (const c of CHALLENGE_CATALOGUE) {
      expect(c.days).toBeGreaterThan(0);
      for (const id of c.categoryIds) expect(findCategory(id), id).toBeDefined();
      expect(c.capShareBps !== null, c.id).toBe(c.kind === 'CAP_IN_CATEGORIES');
    }
  });

  it.each([
    // 2026-02-02 is a Monday … 2026-02-08 a Sunday.
    ['2026-02-02', '2026-02-07'],
    ['2026-02-06', '2026-02-07'],
    ['2026-02-07', '2026-02-07'],
    ['2026-02-08', '2026-02-07'],
  ])('a weekend challenge joined on %s starts on %s', (joinedOn, startsOn) => {
    expect(challengeStartsOn(WEEKEND, joinedOn)).toBe(startsOn);
    expect(challengeEndsOn(WEEKEND, startsOn)).toBe('2026-02-08');
  });

  it('starts other challenges on the day they are joined, across a month end', () => {
    expect(challengeStartsOn(NO_DINING, '2026-02-26')).toBe('2026-02-26');
    expect(challengeEndsOn(NO_DINING, '2026-02-26')).toBe('2026-03-04');
  });
});

describe('the cap, a share of the plan', () => {
  it.each([
    // 28-day February, coffee 100 a day: 7 days × 100 × 50% = 350.
    ['USD', { coffee: 100 }, 1, 350],
    // JPY has no minor digits: the same share of a yen plan, floored to the yen.
    ['JPY', { coffee: 333 }, 1, 1165],
    // A mid-month plan averages over its own days only (days 15–28 → 14 days).
    ['USD', { coffee: 200 }, 15, 700],
  ] as const)('%s plan %j from day %i → %i', (currency, days, firstDay, cap) => {
    const plan = handPlan([{ id: 'coffee', days: days.coffee }], { currency, firstDay });
    expect(challengeCapMinor(COFFEE, plan)).toBe(cap);
  });

  it('is null when the plan gives the categories nothing, and only capped challenges have one', () => {
    expect(challengeCapMinor(COFFEE, handPlan([{ id: 'groceries', days: 500 }]))).toBeNull();
    expectCode(() => challengeCapMinor(NO_DINING, handPlan([])), 'INPUT_INVALID');
  });

  it('is exact for uneven allocations (floor of the exact product)', () => {
    // Σ = 1001 over 28 days; 1001 × 7 × 5000 / (28 × 10000) = 125.125 → 125.
    const plan = handPlan([{ id: 'coffee', days: { 1: 1000, 28: 1 } }]);
    expect(challengeCapMinor(COFFEE, plan)).toBe(125);
  });
});

type Expect = Partial<ChallengeProgress>;

describe('progress from the ledger', () => {
  const base = { currency: 'USD', capMinor: null, startsOn: '2026-02-10' } as const;

  it.each<[string, ChallengeDefinition, ReturnType<typeof tx>[], string, Expect]>([
    [
      'nothing spent, mid-way',
      NO_DINING,
      [],
      '2026-02-13',
      { status: 'ACTIVE', daysElapsed: 3, daysKept: 3 },
    ],
    [
      'joined today',
      NO_DINING,
      [],
      '2026-02-10',
      { status: 'ACTIVE', daysElapsed: 0, daysKept: 0 },
    ],
    [
      'all seven days kept',
      NO_DINING,
      [],
      '2026-02-17',
      { status: 'COMPLETED', daysElapsed: 7, daysKept: 7 },
    ],
    ['long after the end', NO_DINING, [], '2026-03-30', { status: 'COMPLETED', daysElapsed: 7 }],
    [
      'dining out on day 3 fails at once',
      NO_DINING,
      [tx('dining_out', 12, 1)],
      '2026-02-12',
      { status: 'FAILED', daysElapsed: 2, daysKept: 2, usedMinor: 1, failedOn: '2026-02-12' },
    ],
    [
      'other categories, income and days around do not count',
      NO_DINING,
      [
        tx('groceries', 11, 5000),
        tx('dining_out', 9, 800),
        tx('dining_out', 17, 800),
        tx('dining_out', 12, 800, { direction: 'income' }),
      ],
      '2026-02-16',
      { status: 'ACTIVE', daysElapsed: 6, daysKept: 6, usedMinor: 0 },
    ],
    [
      'a day to come is not read yet',
      NO_DINING,
      [tx('dining_out', 14, 800)],
      '2026-02-12',
      { status: 'ACTIVE', usedMinor: 0 },
    ],
    [
      'no-spend day: rent, savings, goals and bills are not spending',
      NO_SPEND,
      [
        tx('rent', 10, 150_000),
        tx('savings', 10, 100),
        tx('goal:x', 10, 100),
        tx('bill:gym-2', 10, 9),
      ],
      '2026-02-11',
      { status: 'COMPLETED', daysKept: 1, usedMinor: 0 },
    ],
    [
      'no-spend day: a user-made category is spending',
      NO_SPEND,
      [tx('user:pets', 10, 1)],
      '2026-02-10',
      { status: 'FAILED', daysElapsed: 0, daysKept: 0, failedOn: '2026-02-10' },
    ],
    [
      'groceries only: groceries are allowed, coffee is not',
      GROCERIES_ONLY,
      [tx('groceries', 10, 4000), tx('groceries', 11, 2000), tx('coffee', 12, 350)],
      '2026-02-13',
      { status: 'FAILED', daysElapsed: 3, daysKept: 2, usedMinor: 350, failedOn: '2026-02-12' },
    ],
  ])('%s', (_name, definition, ledger, today, expected) => {
    expect(computeChallengeProgress({ ...base, definition, ledger, today })).toMatchObject(
      expected,
    );
  });

  it.each<[string, ReturnType<typeof tx>[], string, Expect]>([
    [
      'under the cap',
      [tx('coffee', 10, 300), tx('coffee', 12, 300)],
      '2026-02-14',
      { status: 'ACTIVE', usedMinor: 600, daysKept: 4 },
    ],
    [
      'exactly the cap holds',
      [tx('coffee', 10, 500), tx('coffee', 16, 500)],
      '2026-02-17',
      { status: 'COMPLETED', usedMinor: 1000, daysKept: 7 },
    ],
    [
      'one minor unit over fails on the day it is passed',
      [tx('coffee', 10, 500), tx('coffee', 13, 501)],
      '2026-02-15',
      { status: 'FAILED', usedMinor: 1001, daysElapsed: 5, daysKept: 3, failedOn: '2026-02-13' },
    ],
    [
      'another currency is not counted',
      [{ ...tx('coffee', 10, 5000), currency: 'EUR' }],
      '2026-02-11',
      { status: 'ACTIVE', usedMinor: 0 },
    ],
  ])('capped at 1000: %s', (_name, ledger, today, expected) => {
    const progress = computeChallengeProgress({
      ...base,
      definition: COFFEE,
      capMinor: 1000,
      ledger,
      today,
    });
    expect(progress).toMatchObject({
      ...expected,
      capMinor: 1000,
      daysTotal: 7,
      endsOn: '2026-02-16',
    });
  });

  it('a challenge that has not started has nothing elapsed', () => {
    const progress = computeChallengeProgress({
      ...base,
      definition: WEEKEND,
      startsOn: '2026-02-14',
      ledger: [tx('delivery', 12, 900)],
      today: '2026-02-12',
    });
    expect(progress).toMatchObject({ status: 'ACTIVE', daysElapsed: 0, daysKept: 0, usedMinor: 0 });
  });

  it('rejects a capped challenge without its cap, a negative cap and bad dates', () => {
    const input = { ...base, definition: COFFEE, ledger: [], today: '2026-02-12' };
    expectCode(() => computeChallengeProgress(input), 'INPUT_INVALID');
    expectCode(() => computeChallengeProgress({ ...input, capMinor: -1 }), 'MONEY_OUT_OF_RANGE');
    expectCode(
      () => computeChallengeProgress({ ...input, capMinor: 1, today: '2026-02-30' }),
      'DATE_INVALID',
    );
  });

  it.each([
    ['rent', false],
    ['savings', false],
    ['goal:abc', false],
    ['bill:water', false],
    ['coffee', true],
    ['flex', true],
    ['user:pets', true],
  ])('%s counts as spending: %s', (id, counts) => {
    expect(countsAsSpending(id)).toBe(counts);
  });
});
