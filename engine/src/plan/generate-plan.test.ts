import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { amounts, base, codes, daysOf, expectIdentity, nonZeroDays } from '../../test/plan-helpers';
import { generatePlan } from './generate-plan';

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
