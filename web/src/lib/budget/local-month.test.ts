import { computeMonth, generatePlan } from '@pace/engine';
import { describe, expect, it } from 'vitest';
import type { AdjustmentRecord } from '@/lib/db';
import { applyManualMoves, computeLocalMonth } from './local-month';

const plan = generatePlan({
  userId: 'u',
  month: '2026-03',
  currency: 'USD',
  region: 'US',
  timeZone: 'UTC',
  incomeMinor: 400000,
  bills: [{ name: 'Rent', amountMinor: 150000 }],
  savingsTargetMinor: 30000,
});

const move = (id: string, amountMinor: number, order: number): AdjustmentRecord => ({
  id,
  month: '2026-03',
  fromCategoryId: 'flex',
  fromOn: '2026-03-20',
  toCategoryId: 'groceries',
  toOn: '2026-03-20',
  amountMinor,
  order,
});

describe('the month on the device', () => {
  it('applies manual moves in the order they were made, never below zero', () => {
    const flexDay = plan.categories.find((c) => c.id === 'flex')?.days[19] ?? 0;
    const { plan: adjusted, moves } = applyManualMoves(plan, [
      move('a', flexDay - 10, 1),
      move('b', 11, 2), // no longer fits: skipped
      move('c', 10, 3),
    ]);
    expect(moves.map((m) => m.id)).toEqual(['a', 'c']);
    expect(adjusted.categories.find((c) => c.id === 'flex')?.days[19]).toBe(0);
    const total = (p: typeof plan) => p.categories.reduce((sum, c) => sum + c.amountMinor, 0);
    expect(total(adjusted)).toBe(total(plan));
  });

  it('computes from the month ledger what the engine computes from the transactions', () => {
    const transactions = [
      { categoryId: 'groceries', amountMinor: 4000, bookedOn: '2026-03-10' },
      { categoryId: 'groceries', amountMinor: 1250, bookedOn: '2026-03-10' },
      { categoryId: 'dining_out', amountMinor: 9000, bookedOn: '2026-03-12' },
    ];
    const local = computeLocalMonth({
      planDocument: JSON.parse(JSON.stringify(plan)) as unknown,
      settings: { rollover: 'spread' },
      adjustments: [],
      ledger: {
        month: '2026-03',
        sums: { '2026-03-10|groceries|USD': 5250, '2026-03-12|dining_out|USD': 9000 },
      },
      categories: [],
      today: '2026-03-14',
    });
    const direct = computeMonth(
      plan,
      transactions.map((t) => ({ ...t, direction: 'expense' as const, currency: 'USD' })),
      '2026-03-14',
      { rollover: 'spread' },
    );
    expect(local.state.toJSON()).toEqual(direct.toJSON());
  });
});
