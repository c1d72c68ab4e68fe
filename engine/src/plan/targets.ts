/**
 * Target leaves (domain §3.4): shares of income by tier, split into categories, each computed
 * exactly and rounded half up once.
 *
 * Decisions: with no regional profile there is no coffee price in the user's currency, so coffee
 * is the food cap alone (15 % of food). The health "insurance" leaf is dropped when the user's bills
 * already include insurance (the bill is the real figure; the freed money ends in Flex).
 */
import { minorPerMajor } from '../money/currencies';
import {
  fraction,
  fromDecimal,
  larger,
  minus,
  roundHalfUp,
  smaller,
  times,
  type Fraction,
} from './fraction';
import { TIER_SHARES, type IncomeTier, type RegionalProfile } from './profiles';
import type { HabitsInput } from './types';

/** Named constants of the target rules (domain §3.4). */
export const TARGET_RULES = {
  defaultDiningShareOfFood: fraction(4, 10),
  diningShareBase: fraction(3, 10),
  diningShareCap: fraction(6, 10),
  diningDaysPerUnit: 30,
  coffeeCapOfFood: fraction(15, 100),
  coffeeWeeksPerMonth: 4,
  publicShareOfTransport: fraction(7, 10),
  fuelShareOfTransport: fraction(3, 10),
  clothingShareOfMisc: fraction(6, 10),
  hobbiesShareOfMisc: fraction(4, 10),
  insuranceShareOfHealth: fraction(6, 10),
  medicalShareOfHealth: fraction(4, 10),
  flightsCapOfEntertainment: fraction(3, 10),
  flightsCapOfMisc: fraction(5, 10),
} as const;

/** What the target computation needs. */
export interface TargetContext {
  readonly incomeMinor: number;
  readonly currency: string;
  readonly tier: IncomeTier;
  readonly profile: RegionalProfile | undefined;
  readonly habits: HabitsInput;
  readonly hasInsuranceBill: boolean;
}

function diningShare(diningPerMonth: number): Fraction {
  if (diningPerMonth <= 0) return TARGET_RULES.defaultDiningShareOfFood;
  const share = fraction(
    TARGET_RULES.diningShareBase.n * BigInt(TARGET_RULES.diningDaysPerUnit) +
      TARGET_RULES.diningShareBase.d * BigInt(diningPerMonth),
    TARGET_RULES.diningShareBase.d * BigInt(TARGET_RULES.diningDaysPerUnit),
  );
  return smaller(TARGET_RULES.diningShareCap, share);
}

function coffeeOf(food: Fraction, context: TargetContext, cups: number): Fraction {
  const cap = times(food, TARGET_RULES.coffeeCapOfFood);
  const { profile } = context;
  if (profile === undefined) return cap;
  const tierIndex = ['low', 'lower_middle', 'middle', 'upper_middle', 'high'].indexOf(context.tier);
  const basePrice = fromDecimal(profile.coffeePrices[tierIndex] ?? '0');
  const unit = fraction(minorPerMajor(context.currency));
  const price = times(basePrice, fromDecimal(profile.costIndex), unit);
  return smaller(times(price, fraction(cups * TARGET_RULES.coffeeWeeksPerMonth)), cap);
}

/** Computes the rounded target leaves by category id, in a stable order. */
export function computeTargets(context: TargetContext): Map<string, number> {
  const shares = TIER_SHARES[context.tier];
  const income = fraction(context.incomeMinor);
  const group = (share: string): Fraction => times(income, fromDecimal(share));
  const [food, transport, entertainment, misc, health] = [
    group(shares.food),
    group(shares.transport),
    group(shares.entertainment),
    group(shares.misc),
    group(shares.health),
  ] as const;
  const { diningPerMonth = 0, coffeePerWeek = 0, travelPerYear = 0 } = context.habits;
  const dining = times(food, diningShare(diningPerMonth));
  const leaves = new Map<string, Fraction>();
  leaves.set('groceries', minus(food, dining));
  const coffee = coffeePerWeek > 0 ? coffeeOf(food, context, coffeePerWeek) : fraction(0);
  leaves.set('dining_out', larger(fraction(0), minus(dining, coffee)));
  if (coffeePerWeek > 0) leaves.set('coffee', coffee);
  leaves.set('transport_public', times(transport, TARGET_RULES.publicShareOfTransport));
  leaves.set('fuel', times(transport, TARGET_RULES.fuelShareOfTransport));
  leaves.set('entertainment', entertainment);
  leaves.set('clothing', times(misc, TARGET_RULES.clothingShareOfMisc));
  leaves.set('hobbies', times(misc, TARGET_RULES.hobbiesShareOfMisc));
  if (!context.hasInsuranceBill)
    leaves.set('insurance', times(health, TARGET_RULES.insuranceShareOfHealth));
  leaves.set('medical', times(health, TARGET_RULES.medicalShareOfHealth));
  if (travelPerYear > 0) {
    const flights = smaller(
      times(entertainment, TARGET_RULES.flightsCapOfEntertainment),
      times(misc, TARGET_RULES.flightsCapOfMisc),
    );
    leaves.set('travel', flights);
  }
  return new Map([...leaves].map(([id, value]) => [id, roundHalfUp(value)]));
}
