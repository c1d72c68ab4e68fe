import { describe, expect, it } from 'vitest';
import { REGIONAL_PROFILES, type IncomeTier } from './profiles';
import { resolveProfile } from './tier';
import { computeTargets, type TargetContext } from './targets';
import type { HabitsInput } from './types';

function targets(
  incomeMinor: number,
  tier: IncomeTier,
  habits: HabitsInput = {},
  region: string | null = 'US',
  currency = 'USD',
): Record<string, number> {
  const context: TargetContext = {
    incomeMinor,
    currency,
    tier,
    profile: region === null ? undefined : resolveProfile(region, currency, REGIONAL_PROFILES),
    habits,
    hasInsuranceBill: false,
  };
  return Object.fromEntries(computeTargets(context));
}

const sum = (t: Record<string, number>, ...ids: string[]): number =>
  ids.reduce((total, id) => total + (t[id] ?? 0), 0);

describe('target leaves (domain §3.4)', () => {
  it('worked example: 5,000.00 middle tier, dining 6, coffee 5/week, travel 2/year', () => {
    expect(
      targets(500000, 'middle', { diningPerMonth: 6, coffeePerWeek: 5, travelPerYear: 2 }),
    ).toEqual({
      groceries: 30000, // food 600 × (1 − 0.5)
      dining_out: 21000, // 300 − coffee 90
      coffee: 9000, // min(5.50 × 5 × 4 = 110, 15 % of 600 = 90)
      transport_public: 52500,
      fuel: 22500,
      entertainment: 40000,
      clothing: 30000,
      hobbies: 20000,
      insurance: 18000,
      medical: 12000,
      travel: 12000, // min(30 % of 400, 50 % of 500)
    });
  });

  it.each<[IncomeTier, number, number, number, number, number]>([
    ['low', 15, 15, 4, 3, 8],
    ['lower_middle', 13, 15, 6, 8, 7],
    ['middle', 12, 15, 8, 10, 6],
    ['upper_middle', 10, 13, 9, 5, 5],
    ['high', 8, 10, 10, 5, 4],
  ])(
    '%s shares food %i%%, transport %i%%, entertainment %i%%, misc %i%%, health %i%%',
    (tier, food, transport, fun, misc, health) => {
      const t = targets(1_000_000, tier);
      expect(sum(t, 'groceries', 'dining_out')).toBe(food * 10000);
      expect(sum(t, 'transport_public', 'fuel')).toBe(transport * 10000);
      expect(t.entertainment).toBe(fun * 10000);
      expect(sum(t, 'clothing', 'hobbies')).toBe(misc * 10000);
      expect(sum(t, 'insurance', 'medical')).toBe(health * 10000);
    },
  );

  it.each([
    [0, 4000], // absent: 40 %
    [3, 4000], // 0.3 + 0.1
    [6, 5000],
    [9, 6000], // cap reached
    [20, 6000],
  ])('dining share with %i dinners a month → %i of 10,000 food', (dinners, dining) => {
    // Income 83,333.33… is not needed: high tier food 8 % of 125,000.00 = 10,000.00.
    const t = targets(12_500_000, 'high', { diningPerMonth: dinners });
    expect(t.dining_out).toBe(dining * 100);
    expect(t.groceries).toBe((10000 - dining) * 100);
  });

  it.each<[string, number, IncomeTier, string | null, number]>([
    ['price below the cap (1 cup, US middle)', 1, 'middle', 'US', 2200], // 5.50 × 4
    ['price below the cap (1 cup, US-CA middle)', 1, 'middle', 'US-CA', 2750], // 5.50 × 1.25 × 4
    ['price below the cap (2 cups, US-TX low)', 2, 'low', 'US-TX', 2576], // 3.50 × 0.92 × 8
    ['cap of 15 % of food (30 cups)', 30, 'middle', 'US', 9000],
    ['no profile: the food cap alone', 1, 'middle', null, 9000],
  ])('coffee: %s', (_label, cups, tier, region, coffee) => {
    const t = targets(500000, tier, { coffeePerWeek: cups }, region);
    expect(t.coffee).toBe(coffee);
    const food = tier === 'low' ? 75000 : 60000;
    // Coffee comes out of dining out, never out of groceries.
    expect(sum(t, 'groceries', 'dining_out', 'coffee')).toBe(food);
  });

  it.each<[IncomeTier, number]>([
    ['middle', 12000], // 30 % of entertainment (400) < 50 % of misc (500)
    ['upper_middle', 12500], // 50 % of misc (250) < 30 % of entertainment (450)
  ])('flights in %s tier = %i (an extra category)', (tier, flights) => {
    const t = targets(500000, tier, { travelPerYear: 3 });
    expect(t.travel).toBe(flights);
    expect(t.entertainment).toBe(targets(500000, tier).entertainment);
  });

  it('rounds each leaf half up, once', () => {
    // Low tier, income 0.50: groceries 0.5 × 0.15 × 0.6 = 4.5 minor → 5; dining 3.
    expect(targets(50, 'low')).toMatchObject({
      groceries: 5,
      dining_out: 3,
      transport_public: 5,
      fuel: 2,
    });
  });

  it('has no coffee or travel category without the habit', () => {
    expect(targets(500000, 'middle')).not.toHaveProperty('coffee');
    expect(targets(500000, 'middle')).not.toHaveProperty('travel');
  });
});
