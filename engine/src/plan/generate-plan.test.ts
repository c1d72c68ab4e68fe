import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectCode } from '../../test/expect-code';
import { generateNextPlan, generatePlan } from './generate-plan';
import type { Plan, PlanInput } from './types';

const base: PlanInput = {
  userId: 'user-1',
  month: '2026-03',
  currency: 'USD',
  region: 'US',
  timeZone: 'America/New_York',
  incomeMinor: 500000,
};

const amounts = (plan: Plan): Record<string, number> =>
  Object.fromEntries(plan.categories.map((c) => [c.id, c.amountMinor]));
const daysOf = (plan: Plan, id: string): readonly number[] =>
  plan.categories.find((c) => c.id === id)?.days ?? [];
const nonZeroDays = (plan: Plan, id: string): number[] =>
  daysOf(plan, id).flatMap((value, i) => (value > 0 ? [i + 1] : []));
const codes = (plan: Plan): string[] => plan.notices.map((n) => n.code);

function expectIdentity(plan: Plan): void {
  const t = plan.totals;
  expect(t.fixedMinor + t.savingsMinor + t.goalsMinor + t.targetsMinor + t.flexMinor).toBe(
    t.plannedMinor,
  );
  expect(plan.categories.reduce((sum, c) => sum + c.amountMinor, 0)).toBe(t.plannedMinor);
  for (const c of plan.categories) {
    expect(
      c.days.reduce((a, b) => a + b, 0),
      c.id,
    ).toBe(c.amountMinor);
    expect(
      c.days.every((v) => Number.isSafeInteger(v) && v >= 0),
      c.id,
    ).toBe(true);
  }
}

describe('generatePlan: worked example', () => {
  const plan = generatePlan({
    ...base,
    additionalIncomeMinor: 0,
    bills: [
      { name: 'Rent', amountMinor: 150000 },
      { name: 'Netflix', amountMinor: 1599, dueDay: 12 },
      { name: 'Tax', amountMinor: 10000, dueDay: 31 },
    ],
    savingsTargetMinor: 50000,
    habits: { diningPerMonth: 6, coffeePerWeek: 5, travelPerYear: 2 },
    goals: [
      {
        id: 'g1',
        name: 'Trip',
        targetMinor: 120000,
        savedMinor: 20000,
        targetOn: '2026-07-01',
        status: 'active',
      },
    ],
  });

  it('places every unit of income: fixed + savings + goals + targets + Flex', () => {
    expect(plan.tier).toBe('middle');
    expect(plan.totals).toEqual({
      incomeMinor: 500000,
      plannedMinor: 500000,
      fixedMinor: 161599,
      savingsMinor: 50000,
      goalsMinor: 20000, // (1,200 − 200) / 5 months (March … July)
      targetsMinor: 267000,
      flexMinor: 1401,
    });
    expectIdentity(plan);
    expect(plan.notices).toEqual([]);
  });

  it('lists categories in processing order with their amounts', () => {
    expect(plan.categories.map((c) => `${c.priority}:${c.id}:${c.amountMinor}`)).toEqual([
      'sacred:bill:tax:10000',
      'sacred:goal:g1:20000',
      'sacred:insurance:18000',
      'sacred:rent:150000',
      'sacred:savings:50000',
      'sacred:subscriptions:1599',
      'protected:groceries:30000',
      'protected:medical:12000',
      'protected:transport_public:52500',
      'flexible:clothing:30000',
      'flexible:coffee:9000',
      'flexible:fuel:22500',
      'discretionary:dining_out:21000',
      'discretionary:entertainment:40000',
      'discretionary:hobbies:20000',
      'discretionary:travel:12000',
      'buffer:flex:1401',
    ]);
  });

  it.each([
    ['rent', [1]],
    ['subscriptions', [12]],
    ['bill:tax', [31]],
    ['insurance', [5]],
  ])('fixed %s lands on day %j', (id, days) => {
    expect(nonZeroDays(plan, id)).toEqual(days);
  });

  it('spreads over every day, extra units to earlier days', () => {
    expect(daysOf(plan, 'groceries').slice(21, 25)).toEqual([968, 968, 967, 967]); // 30000 = 31 × 967 + 23
    expect(nonZeroDays(plan, 'savings')).toHaveLength(31);
  });

  it('clusters dining on 6 weekend days and flights on 1 day', () => {
    expect(nonZeroDays(plan, 'dining_out')).toEqual([7, 8, 14, 15, 21, 28]); // March 2026 weekends
    expect(daysOf(plan, 'dining_out')[6]).toBe(3500);
    expect(nonZeroDays(plan, 'travel')).toHaveLength(1);
    expect(nonZeroDays(plan, 'entertainment')).toHaveLength(4);
  });
});

describe('generatePlan: fitting the money', () => {
  it('scales targets down exactly (×100,000 / 135,000, floored) and Flex takes the rest', () => {
    const plan = generatePlan({
      ...base,
      incomeMinor: 300000,
      bills: [{ name: 'Rent', amountMinor: 200000 }],
    });
    expect(plan.tier).toBe('low');
    expect(amounts(plan)).toMatchObject({
      groceries: 20000,
      dining_out: 13333,
      transport_public: 23333,
      fuel: 10000,
      entertainment: 8888,
      clothing: 4000,
      hobbies: 2666,
      insurance: 10666,
      medical: 7111,
      flex: 3,
    });
    expect(codes(plan)).toEqual(['TARGETS_SCALED_DOWN']);
    expectIdentity(plan);
  });

  it('never scales targets up: the rest goes to Flex', () => {
    const plan = generatePlan({ ...base, incomeMinor: 1_000_000 });
    expect(plan.tier).toBe('upper_middle');
    expect(plan.totals.targetsMinor).toBe(420000); // 10 + 13 + 9 + 5 + 5 = 42 % of income
    expect(plan.totals.flexMinor).toBe(1_000_000 - plan.totals.targetsMinor);
  });

  it('clamps savings to what fits and says so', () => {
    const plan = generatePlan({
      ...base,
      incomeMinor: 300000,
      bills: [{ name: 'Rent', amountMinor: 250000 }],
      savingsTargetMinor: 80000,
    });
    expect(plan.totals).toMatchObject({
      savingsMinor: 50000,
      targetsMinor: 0,
      flexMinor: 0,
      plannedMinor: 300000,
    });
    expect(plan.notices[0]).toMatchObject({
      code: 'SAVINGS_CLAMPED',
      details: { requestedMinor: 80000, plannedMinor: 50000 },
    });
  });

  it('throws BUDGET_INFEASIBLE when bills exceed income, with the amounts', () => {
    expectCode(
      () =>
        generatePlan({
          ...base,
          incomeMinor: 300000,
          bills: [{ name: 'Rent', amountMinor: 300001 }],
        }),
      'BUDGET_INFEASIBLE',
    );
    try {
      generatePlan({
        ...base,
        incomeMinor: 300000,
        bills: [{ name: 'Rent', amountMinor: 300001 }],
      });
    } catch (error) {
      expect(error).toMatchObject({
        details: { fixedMinor: 300001, incomeMinor: 300000, currency: 'USD' },
      });
      expect(String((error as Error).message)).toContain('3000.01 USD');
    }
  });

  it('accepts bills equal to income: everything else is zero', () => {
    const plan = generatePlan({
      ...base,
      incomeMinor: 300000,
      bills: [{ name: 'Rent', amountMinor: 300000 }],
    });
    expect(plan.totals).toMatchObject({ fixedMinor: 300000, targetsMinor: 0, flexMinor: 0 });
    expectIdentity(plan);
  });

  it('handles zero income', () => {
    const plan = generatePlan({ ...base, incomeMinor: 0, savingsTargetMinor: 10000 });
    expect(plan.totals).toEqual({
      incomeMinor: 0,
      plannedMinor: 0,
      fixedMinor: 0,
      savingsMinor: 0,
      goalsMinor: 0,
      targetsMinor: 0,
      flexMinor: 0,
    });
    expect(codes(plan)).toEqual(['SAVINGS_CLAMPED']);
    expect(plan.categories.every((c) => c.days.every((v) => v === 0))).toBe(true);
  });

  it('adds income and additional income', () => {
    const plan = generatePlan({ ...base, incomeMinor: 250000, additionalIncomeMinor: 250000 });
    expect(plan.totals.incomeMinor).toBe(500000);
    expect(plan.tier).toBe('middle');
  });

  it('uses the middle tier and no coffee price for a currency without a profile', () => {
    const plan = generatePlan({
      ...base,
      currency: 'EUR',
      region: 'FR',
      habits: { coffeePerWeek: 1 },
    });
    expect(plan.tier).toBe('middle');
    expect(plan.profileId).toBeNull();
    expect(amounts(plan).coffee).toBe(9000);
    expect(codes(plan)).toContain('NO_REGIONAL_PROFILE');
  });
});

describe('generatePlan: bills', () => {
  it.each([
    ['Rent', undefined, 'rent', 1],
    ['Mortgage', undefined, 'mortgage', 1],
    ['Tuition', undefined, 'school_fees', 1],
    ['Phone', undefined, 'phone', 5],
    ['Electricity', undefined, 'utilities', 5],
    ['Gym', 12, 'gym', 12],
    ['Piano lessons', 20, 'bill:piano_lessons', 20],
  ])('%s (due %s) → %s on day %i', (name, dueDay, id, day) => {
    const plan = generatePlan({ ...base, bills: [{ name, amountMinor: 5000, dueDay }] });
    expect(nonZeroDays(plan, id)).toEqual([day]);
    expect(plan.categories.find((c) => c.id === id)).toMatchObject({
      behaviour: 'fixed',
      priority: 'sacred',
      source: 'bill',
    });
  });

  it('moves a due day past the month end to the last day, with a notice', () => {
    const plan = generatePlan({
      ...base,
      month: '2026-02',
      bills: [{ name: 'Rent', amountMinor: 5000, dueDay: 31 }],
    });
    expect(nonZeroDays(plan, 'rent')).toEqual([28]);
    expect(plan.notices).toContainEqual(
      expect.objectContaining({
        code: 'BILL_DUE_DAY_MOVED',
        details: { name: 'Rent', dueDay: 31, placedOn: 28 },
      }),
    );
  });

  it('merges bills of one category, each on its own day', () => {
    const plan = generatePlan({
      ...base,
      bills: [
        { name: 'Car insurance', amountMinor: 9000, dueDay: 3 },
        { name: 'Home insurance', amountMinor: 4000, dueDay: 20 },
      ],
    });
    const insurance = daysOf(plan, 'insurance');
    expect([insurance[2], insurance[19]]).toEqual([9000, 4000]);
    expect(codes(plan)).toContain('INSURANCE_FROM_BILLS');
    expect(amounts(plan).insurance).toBe(13000); // the health insurance target is dropped
  });

  it.each([[0], [32], [1.5]])('rejects due day %s', (dueDay) => {
    expectCode(
      () => generatePlan({ ...base, bills: [{ name: 'Rent', amountMinor: 1, dueDay }] }),
      'INPUT_INVALID',
    );
  });
});

describe('generatePlan: days', () => {
  it.each([
    ['2024-02', 29],
    ['2026-02', 28],
    ['2100-02', 28],
    ['2000-02', 29],
    ['2026-04', 30],
    ['2026-01', 31],
  ])('%s has %i plan days and spread categories use all of them', (month, days) => {
    const plan = generatePlan({ ...base, month });
    expect(plan.daysInMonth).toBe(days);
    expect(nonZeroDays(plan, 'groceries')).toHaveLength(days);
  });

  it('chooses clustered days deterministically from user, month and category', () => {
    const again = generatePlan(base);
    expect(generatePlan(base)).toEqual(again);
    const users = ['a', 'b', 'c', 'd', 'e'].map((userId) =>
      nonZeroDays(generatePlan({ ...base, userId }), 'entertainment').join(),
    );
    expect(new Set(users).size).toBeGreaterThan(1);
    const months = ['2026-03', '2026-05'].map((month) =>
      nonZeroDays(generatePlan({ ...base, month }), 'entertainment'),
    );
    expect(months[0]).not.toEqual(months[1]);
  });

  it.each([
    [4, [1, 7, 8, 14, 15, 21, 22, 28], 4, 0],
    [8, [1, 7, 8, 14, 15, 21, 22, 28], 8, 0],
    [10, [1, 7, 8, 14, 15, 21, 22, 28], 8, 2],
  ])(
    'with %i dining days in Feb 2026, weekends come first',
    (dinners, weekends, onWeekends, onWeekdays) => {
      const plan = generatePlan({ ...base, month: '2026-02', habits: { diningPerMonth: dinners } });
      const days = nonZeroDays(plan, 'dining_out');
      expect(days.filter((d) => weekends.includes(d))).toHaveLength(onWeekends);
      expect(days.filter((d) => !weekends.includes(d))).toHaveLength(onWeekdays);
    },
  );

  it('uses habits.spendingDaysPerMonth for any clustered category', () => {
    const plan = generatePlan({ ...base, habits: { spendingDaysPerMonth: { clothing: 2 } } });
    expect(nonZeroDays(plan, 'clothing')).toHaveLength(2);
  });
});

describe('generatePlan: mid-month and next month', () => {
  it('prorates non-fixed amounts by plan days / month days (15 of 31)', () => {
    const plan = generatePlan({ ...base, incomeMinor: 310000, startsOn: '2026-03-17' });
    expect(plan.tier).toBe('lower_middle');
    expect(plan.firstDay).toBe(17);
    // Insurance target (fixed) 13,020 stays whole; the other 296,980 × 15 / 31 = 143,700.
    expect(plan.totals.plannedMinor).toBe(13020 + 143700);
    expect(amounts(plan).groceries).toBe(11700); // 24,180 × 15 / 31
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

  it.each<[string, Partial<PlanInput>, string]>([
    ['unknown currency', { currency: 'ABC' }, 'CURRENCY_UNKNOWN'],
    ['bad zone', { timeZone: 'Nowhere/City' }, 'TIMEZONE_INVALID'],
    ['bad month', { month: '2026-13' }, 'MONTH_INVALID'],
    ['negative income', { incomeMinor: -1 }, 'MONEY_OUT_OF_RANGE'],
    ['fractional income', { incomeMinor: 10.5 }, 'MONEY_OUT_OF_RANGE'],
    ['negative habit', { habits: { coffeePerWeek: -1 } }, 'INPUT_INVALID'],
    ['missing user', { userId: '' }, 'INPUT_INVALID'],
  ])('rejects %s', (_label, change, code) => {
    expectCode(() => generatePlan({ ...base, ...change }), code as never);
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
