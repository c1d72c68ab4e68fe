/**
 * Property tests of the month computation's invariants (domain §4), over random hand-made plans,
 * ledgers, days and rollover settings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handPlan, type HandCategory } from '../../test/builders';
import type { CategoryBehaviour, CategoryPriority } from '../categories/taxonomy';
import type { Plan } from '../plan/types';
import { computeMonth } from './compute-month';
import type { MonthState } from './month-state';
import type { LedgerTransaction, RolloverMode } from './types';

const POOL: readonly [string, CategoryBehaviour, CategoryPriority][] = [
  ['flex', 'spread', 'buffer'],
  ['savings', 'spread', 'sacred'],
  ['goal:trip', 'spread', 'sacred'],
  ['rent', 'fixed', 'sacred'],
  ['groceries', 'spread', 'protected'],
  ['medical', 'clustered', 'protected'],
  ['coffee', 'spread', 'flexible'],
  ['clothing', 'clustered', 'flexible'],
  ['dining_out', 'clustered', 'discretionary'],
  ['entertainment', 'clustered', 'discretionary'],
  ['lessons', 'fixed', 'flexible'], // a user-made fixed category that may donate
];
const SPENT_IN = [...POOL.map(([id]) => id), 'gadgets', 'pets'];
const MONTHS = ['2026-02', '2024-02', '2026-04', '2026-03'] as const;
const LENGTH: Record<(typeof MONTHS)[number], number> = {
  '2026-02': 28,
  '2024-02': 29,
  '2026-04': 30,
  '2026-03': 31,
};

interface Scenario {
  readonly plan: Plan;
  readonly transactions: LedgerTransaction[];
  readonly today: string;
  readonly rollover: RolloverMode;
  readonly month: string;
  readonly days: number;
}

// Sparse days (clustered-like, explicit rollover) or every day funded (spread-like, deferred rollover).
const dayValues = fc.oneof(
  fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat(400)), { minLength: 31, maxLength: 31 }),
  fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 31, maxLength: 31 }),
);
const date = (month: string, day: number): string => `${month}-${String(day).padStart(2, '0')}`;

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    chosen: fc.subarray([...POOL.keys()], { minLength: 1 }),
    values: fc.array(dayValues, { minLength: POOL.length, maxLength: POOL.length }),
    firstDayPick: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 28 })),
    txs: fc.array(
      fc.record({
        category: fc.constantFrom(...SPENT_IN),
        day: fc.integer({ min: 1, max: 31 }),
        amount: fc.oneof(fc.nat(300), fc.nat(3000)),
        direction: fc.constantFrom('expense', 'expense', 'expense', 'income', 'transfer'),
      }),
      { maxLength: 40 },
    ),
    todayPick: fc.integer({ min: -1, max: 32 }),
    rollover: fc.constantFrom<RolloverMode>('spread', 'next_day', 'savings'),
  })
  .map(({ month, chosen, values, firstDayPick, txs, todayPick, rollover }) => {
    const days = LENGTH[month];
    const categories: HandCategory[] = chosen.map((index) => {
      const [id, behaviour, priority] = POOL[index] ?? ['flex', 'spread', 'buffer'];
      const byDay = Object.fromEntries(
        (values[index] ?? []).slice(0, days).map((v, i) => [i + 1, v]),
      );
      return { id, behaviour, priority, days: byDay };
    });
    const plan = handPlan(categories, { month, firstDay: Math.min(firstDayPick, days) });
    const transactions = txs.map((t, i) => ({
      id: `t${i}`,
      categoryId: t.category,
      amountMinor: t.amount,
      direction: t.direction,
      bookedOn: date(month, Math.min(t.day, days)),
    }));
    const today =
      todayPick < 1 ? '2023-12-31' : todayPick > days ? '2030-01-01' : date(month, todayPick);
    return { plan, transactions, today, rollover, month, days };
  });

const run = (s: Scenario, transactions = s.transactions): MonthState =>
  computeMonth(s.plan, transactions, s.today, { rollover: s.rollover });

const snapshot = (state: MonthState): string => JSON.stringify(state);
const OPTIONS = { numRuns: 200 };

function allocationsOf(state: MonthState, categoryId: string): number[] {
  return state.days.map((day) => state.cell(day.day, categoryId)?.allocationMinor ?? 0);
}

function allocationsByDay(state: MonthState): number[][] {
  return state.days.map((day) => day.categories.map((cell) => cell.allocationMinor));
}

describe('month invariants (property tests)', () => {
  it('conserves the month total to the minor unit, never goes below zero, never lowers sacred money', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const state = run(s);
        const cells = state.days.flatMap((day) => day.categories);
        const planned = s.plan.categories.reduce((sum, c) => sum + c.amountMinor, 0);
        expect(cells.reduce((sum, cell) => sum + cell.allocationMinor, 0)).toBe(planned);
        expect(state.totals.allocatedMinor).toBe(planned);
        expect(
          cells.every(
            (cell) => Number.isSafeInteger(cell.allocationMinor) && cell.allocationMinor >= 0,
          ),
        ).toBe(true);
        const isGoal = (id: string) => id.startsWith('goal:');
        for (const category of s.plan.categories.filter((c) => c.priority === 'sacred')) {
          if (isGoal(category.id)) {
            // A goal's reservation may be put aside early (its later days to an earlier one),
            // never given to anything else.
            const month = allocationsOf(state, category.id).reduce((a, b) => a + b, 0);
            expect(month).toBeGreaterThanOrEqual(category.amountMinor);
            continue;
          }
          category.days.forEach((planned, i) => {
            expect(state.cell(i + 1, category.id)?.allocationMinor ?? 0).toBeGreaterThanOrEqual(
              planned,
            );
          });
        }
        for (const m of state.moves) {
          const from = s.plan.categories.find((c) => c.id === m.fromCategoryId);
          if (from?.priority !== 'sacred') continue;
          expect(isGoal(m.fromCategoryId) && m.toCategoryId === m.fromCategoryId).toBe(true);
          expect(m.reason).toBe('goal_transfer');
        }
        // Money put aside for a goal comes only from the goal itself or Flex, and only to a goal.
        for (const m of state.moves.filter((move) => move.reason === 'goal_transfer')) {
          expect(isGoal(m.toCategoryId)).toBe(true);
          expect([m.toCategoryId, 'flex']).toContain(m.fromCategoryId);
        }
      }),
      OPTIONS,
    );
  });

  it('explains every change: plan − moves out + moves in = allocation, per category', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const state = run(s);
        for (const category of state.categories) {
          const out = state.moves
            .filter((m) => m.fromCategoryId === category.id)
            .reduce((a, m) => a + m.amountMinor, 0);
          const into = state.moves
            .filter((m) => m.toCategoryId === category.id)
            .reduce((a, m) => a + m.amountMinor, 0);
          expect(category.planMinor - out + into, category.id).toBe(category.allocationMinor);
        }
        expect(state.moves.every((m) => m.amountMinor > 0)).toBe(true);
      }),
      OPTIONS,
    );
  });

  it('is deterministic and the order of transactions does not matter', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(s.transactions, { minLength: s.transactions.length }),
          ),
        ),
        ([s, shuffled]) => {
          const first = snapshot(run(s));
          expect(snapshot(run(s))).toBe(first);
          expect(snapshot(run(s, shuffled))).toBe(first);
        },
      ),
      OPTIONS,
    );
  });

  it('adding then deleting a transaction equals never adding it', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 31 }), fc.nat(5000), (s, day, amount) => {
        const before = snapshot(run(s));
        const extra: LedgerTransaction = {
          id: 'extra',
          categoryId: 'dining_out',
          amountMinor: amount,
          direction: 'expense',
          bookedOn: date(s.month, Math.min(day, s.days)),
        };
        const withExtra = run(s, [...s.transactions, extra]);
        expect(withExtra.totals.allocatedMinor).toBe(run(s).totals.allocatedMinor);
        const deleted = [...s.transactions, extra].filter((t) => t.id !== 'extra');
        expect(snapshot(run(s, deleted))).toBe(before);
      }),
      OPTIONS,
    );
  });

  it('adding a transaction dated d never changes the allocations of days before d', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(...SPENT_IN),
        (s, day, amount, categoryId) => {
          const d = Math.min(day, s.days);
          const before = allocationsByDay(run(s));
          const extra: LedgerTransaction = {
            categoryId,
            amountMinor: amount,
            direction: 'expense',
            bookedOn: date(s.month, d),
          };
          const after = run(s, [...s.transactions, extra]);
          const ids = after.categoryIds;
          const beforeIds = run(s).categoryIds;
          for (let i = 0; i < d - 1; i += 1) {
            beforeIds.forEach((id, c) => {
              expect(after.cell(i + 1, id)?.allocationMinor, `${id} day ${i + 1}`).toBe(
                before[i]?.[c],
              );
            });
          }
          expect(ids.length).toBeGreaterThanOrEqual(beforeIds.length);
        },
      ),
      OPTIONS,
    );
  });
  it('changedSince reports exactly the days and categories whose views differ', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.record({
          category: fc.constantFrom(...SPENT_IN),
          day: fc.integer({ min: 1, max: 31 }),
          amount: fc.integer({ min: 1, max: 3000 }),
        }),
        fc.boolean(),
        (s, extra, remove) => {
          const added: LedgerTransaction = {
            id: 'extra',
            categoryId: extra.category,
            amountMinor: extra.amount,
            direction: 'expense',
            bookedOn: date(s.month, Math.min(extra.day, s.days)),
          };
          const before = run(s);
          // Either one more expense, or the first one gone: both directions of a write.
          const after = remove
            ? run(s, s.transactions.slice(1))
            : run(s, [...s.transactions, added]);
          const changed = after.changedSince(before);
          const beforeDays = new Map(before.days.map((d) => [d.day, JSON.stringify(d)]));
          const expectedDays = after.days
            .filter((d) => beforeDays.get(d.day) !== JSON.stringify(d))
            .map((d) => d.day);
          const beforeCategories = new Map(before.categories.map((c) => [c.id, JSON.stringify(c)]));
          const expectedCategories = after.categories
            .filter((c) => beforeCategories.get(c.id) !== JSON.stringify(c))
            .map((c) => c.id);
          expect(changed.days).toEqual(expectedDays);
          expect(changed.categoryIds).toEqual(expectedCategories);
          expect(after.changedSince(after)).toEqual({ days: [], categoryIds: [] });
        },
      ),
      OPTIONS,
    );
  });
});
