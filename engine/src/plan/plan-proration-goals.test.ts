import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectCode } from '../../test/expect-code';
import type { EngineErrorCode } from '../errors';
import { amounts, base, codes, daysOf, expectIdentity, nonZeroDays } from '../../test/plan-helpers';
import { generateNextPlan, generatePlan } from './generate-plan';
import type { PlanInput } from './types';

describe('generatePlan: mid-month and next month', () => {
  it('prorates everything but bills by plan days / month days (15 of 31)', () => {
    const plan = generatePlan({ ...base, incomeMinor: 310000, startsOn: '2026-03-17' });
    expect(plan.tier).toBe('lower_middle');
    expect(plan.firstDay).toBe(17);
    // No bills: 310,000 × 15 / 31 = 150,000 is placed.
    expect(plan.totals.plannedMinor).toBe(150000);
    expect(amounts(plan).groceries).toBe(11700); // 24,180 × 15 / 31
    expect(amounts(plan).insurance).toBe(6300); // the insurance target is a target, not a bill: 13,020 × 15 / 31
    expect(daysOf(plan, 'groceries').slice(16)).toEqual(new Array<number>(15).fill(780));
    expect(
      daysOf(plan, 'groceries')
        .slice(0, 16)
        .every((v) => v === 0),
    ).toBe(true);
    expect(nonZeroDays(plan, 'insurance')).toEqual([17]);
    expect(codes(plan)).toEqual(['PLAN_PRORATED']);
    expectIdentity(plan);
  });

  it('keeps bills whole; a bill due before the first day lands on the first day', () => {
    const plan = generatePlan({
      ...base,
      startsOn: '2026-03-17',
      bills: [
        { name: 'Rent', amountMinor: 100000 },
        { name: 'Phone', amountMinor: 5000, dueDay: 25 },
      ],
    });
    expect(nonZeroDays(plan, 'rent')).toEqual([17]);
    expect(amounts(plan).rent).toBe(100000);
    expect(nonZeroDays(plan, 'phone')).toEqual([25]);
  });

  it('rejects a first day outside the month', () => {
    expectCode(() => generatePlan({ ...base, startsOn: '2026-04-01' }), 'DATE_INVALID');
  });

  it('keeps its own frozen copy of the settings', () => {
    const bills = [{ name: 'Rent', amountMinor: 100000 }];
    const plan = generatePlan({ ...base, bills });
    bills.push({ name: 'Phone', amountMinor: 5000 });
    expect(plan.settings.bills).toHaveLength(1);
    expect(Object.isFrozen(plan.settings.bills?.[0])).toBe(true);
    expect(generateNextPlan(plan).totals.fixedMinor).toBe(100000);
  });

  it('makes the next month from the same settings', () => {
    const march = generatePlan({ ...base, startsOn: '2026-03-20', savingsTargetMinor: 10000 });
    const april = generateNextPlan(march);
    expect(april).toMatchObject({
      month: '2026-04',
      startsOn: '2026-04-01',
      firstDay: 1,
      daysInMonth: 30,
    });
    expect(april.totals.savingsMinor).toBe(10000);
    expect(april.totals.plannedMinor).toBe(500000);
    expect(generateNextPlan(generateNextPlan(april)).month).toBe('2026-06');
    const december = generatePlan({ ...base, month: '2026-12' });
    expect(generateNextPlan(december).month).toBe('2027-01');
  });
});

describe('generatePlan: goals', () => {
  it('reserves (target − saved) / months left per active dated goal, as sacred spread money', () => {
    const plan = generatePlan({
      ...base,
      goals: [
        {
          id: 'g1',
          name: 'Trip',
          targetMinor: 120000,
          savedMinor: 20000,
          targetOn: '2026-07-20',
          status: 'active',
        },
        {
          id: 'g2',
          name: 'Laptop',
          targetMinor: 50000,
          savedMinor: 0,
          targetOn: '2026-03-31',
          status: 'active',
        },
        {
          id: 'g3',
          name: 'Car',
          targetMinor: 900000,
          savedMinor: 0,
          targetOn: '2027-01-01',
          status: 'paused',
        },
        { id: 'g4', name: 'Someday', targetMinor: 10000, savedMinor: 0, status: 'active' },
      ],
    });
    expect(amounts(plan)).toMatchObject({
      'goal:g1': 20000,
      'goal:g2': 50000,
      'goal:g3': 0,
      'goal:g4': 0,
    });
    expect(plan.categories.find((c) => c.id === 'goal:g1')).toMatchObject({
      behaviour: 'spread',
      priority: 'sacred',
      name: 'Trip',
    });
    expect(plan.totals.goalsMinor).toBe(70000);
  });

  it('when money is short, lowers savings first, then the least important goal', () => {
    const plan = generatePlan({
      ...base,
      incomeMinor: 100000,
      bills: [{ name: 'Rent', amountMinor: 40000 }],
      savingsTargetMinor: 10000,
      goals: [
        {
          id: 'b',
          name: 'B',
          targetMinor: 30000,
          savedMinor: 0,
          targetOn: '2026-03-31',
          status: 'active',
          priority: 2,
        },
        {
          id: 'a',
          name: 'A',
          targetMinor: 40000,
          savedMinor: 0,
          targetOn: '2026-03-31',
          status: 'active',
          priority: 1,
        },
      ],
    });
    expect(amounts(plan)).toMatchObject({ savings: 0, 'goal:a': 40000, 'goal:b': 20000 });
    expect(codes(plan)).toEqual(
      expect.arrayContaining(['SAVINGS_CLAMPED', 'GOAL_RESERVATION_CLAMPED']),
    );
    expectIdentity(plan);
  });
});

describe('generatePlan: user categories and validation', () => {
  it('adds user categories as targets with their defaults', () => {
    const plan = generatePlan({
      ...base,
      userCategories: [{ id: 'pets', name: 'Pets', monthlyMinor: 6200 }],
    });
    expect(plan.categories.find((c) => c.id === 'pets')).toMatchObject({
      behaviour: 'spread',
      priority: 'flexible',
      source: 'user',
      amountMinor: 6200,
    });
    expect(daysOf(plan, 'pets')[0]).toBe(200);
  });

  it.each<[string, Partial<PlanInput>, EngineErrorCode]>([
    ['unknown currency', { currency: 'ABC' }, 'CURRENCY_UNKNOWN'],
    ['bad zone', { timeZone: 'Nowhere/City' }, 'TIMEZONE_INVALID'],
    ['bad month', { month: '2026-13' }, 'MONTH_INVALID'],
    ['negative income', { incomeMinor: -1 }, 'MONEY_OUT_OF_RANGE'],
    ['fractional income', { incomeMinor: 10.5 }, 'MONEY_OUT_OF_RANGE'],
    ['negative habit', { habits: { coffeePerWeek: -1 } }, 'INPUT_INVALID'],
    ['missing user', { userId: '' }, 'INPUT_INVALID'],
  ])('rejects %s', (_label, change, code) => {
    expectCode(() => generatePlan({ ...base, ...change }), code);
  });
});

describe('generatePlan: properties', () => {
  it('every unit of income is placed, days add up, nothing is negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 1, max: 28 }),
        fc.record({
          diningPerMonth: fc.nat(20),
          coffeePerWeek: fc.nat(14),
          travelPerYear: fc.nat(6),
        }),
        (incomeMinor, billAmounts, savingsTargetMinor, firstDay, habits) => {
          const bills = billAmounts.map((amountMinor, i) => ({
            name: `Bill ${i}`,
            amountMinor,
            dueDay: 1 + ((i * 9) % 31),
          }));
          const fixed = billAmounts.reduce((a, b) => a + b, 0);
          const input: PlanInput = {
            ...base,
            month: '2026-02',
            incomeMinor,
            bills,
            savingsTargetMinor,
            habits,
            startsOn: `2026-02-${String(firstDay).padStart(2, '0')}`,
          };
          if (fixed > incomeMinor) {
            expectCode(() => generatePlan(input), 'BUDGET_INFEASIBLE');
            return;
          }
          const plan = generatePlan(input);
          expectIdentity(plan);
          if (firstDay === 1) expect(plan.totals.plannedMinor).toBe(incomeMinor);
          else expect(plan.totals.plannedMinor).toBeLessThanOrEqual(incomeMinor);
        },
      ),
      { numRuns: 150 },
    );
  });
});
