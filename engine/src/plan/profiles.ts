/**
 * Regional profiles and tier shares (domain §3.1, §3.4). This is data: a new country is a new row
 * (its currency, cost index, tier bounds in its own major units, coffee prices), never new code.
 * Decimals are strings so they are read exactly.
 */

/** Income tiers from lowest to highest. */
export type IncomeTier = 'low' | 'lower_middle' | 'middle' | 'upper_middle' | 'high';

/** The tiers in order; `annualUpperBounds[i]` is the inclusive upper bound of `INCOME_TIERS[i]`. */
export const INCOME_TIERS: readonly IncomeTier[] = [
  'low',
  'lower_middle',
  'middle',
  'upper_middle',
  'high',
];

/** Tier used when the currency has no profile. */
export const DEFAULT_TIER: IncomeTier = 'middle';

/** One regional profile. */
export interface RegionalProfile {
  readonly id: string;
  readonly currency: string;
  /** Price level relative to the profile family's base prices, e.g. `"1.25"`. */
  readonly costIndex: string;
  /** Inclusive annual upper bounds (major units) of low, lower-middle, middle, upper-middle. */
  readonly annualUpperBounds: readonly [number, number, number, number];
  /** Base price of a coffee per tier (major units, before the cost index). */
  readonly coffeePrices: readonly [string, string, string, string, string];
  /** The profile used for this currency when the region is unknown. */
  readonly isCurrencyDefault?: boolean;
  /** Weekdays counted as weekend for clustered days (0 Sunday … 6 Saturday). */
  readonly weekendDays?: readonly number[];
}

const US_COFFEE = ['3.50', '4.50', '5.50', '7.00', '10.00'] as const;

/** Built-in profiles (United States and four states). */
export const REGIONAL_PROFILES: readonly RegionalProfile[] = [
  {
    id: 'US',
    currency: 'USD',
    costIndex: '1.00',
    annualUpperBounds: [36000, 57600, 86400, 144000],
    coffeePrices: US_COFFEE,
    isCurrencyDefault: true,
  },
  {
    id: 'US-CA',
    currency: 'USD',
    costIndex: '1.25',
    annualUpperBounds: [44935, 71896, 107844, 179740],
    coffeePrices: US_COFFEE,
  },
  {
    id: 'US-NY',
    currency: 'USD',
    costIndex: '1.35',
    annualUpperBounds: [48600, 77760, 116640, 194400],
    coffeePrices: US_COFFEE,
  },
  {
    id: 'US-TX',
    currency: 'USD',
    costIndex: '0.92',
    annualUpperBounds: [33480, 53440, 80160, 133600],
    coffeePrices: US_COFFEE,
  },
  {
    id: 'US-FL',
    currency: 'USD',
    costIndex: '1.05',
    annualUpperBounds: [35000, 56000, 84000, 140000],
    coffeePrices: US_COFFEE,
  },
];

/** Shares of income per tier for the five target groups. */
export interface TierShares {
  readonly food: string;
  readonly transport: string;
  readonly entertainment: string;
  readonly misc: string;
  readonly health: string;
}

/** Target shares of income by tier (domain §3.4). */
export const TIER_SHARES: Readonly<Record<IncomeTier, TierShares>> = {
  low: { food: '0.15', transport: '0.15', entertainment: '0.04', misc: '0.03', health: '0.08' },
  lower_middle: {
    food: '0.13',
    transport: '0.15',
    entertainment: '0.06',
    misc: '0.08',
    health: '0.07',
  },
  middle: { food: '0.12', transport: '0.15', entertainment: '0.08', misc: '0.10', health: '0.06' },
  upper_middle: {
    food: '0.10',
    transport: '0.13',
    entertainment: '0.09',
    misc: '0.05',
    health: '0.05',
  },
  high: { food: '0.08', transport: '0.10', entertainment: '0.10', misc: '0.05', health: '0.04' },
};

/** Saturday and Sunday. */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = [0, 6];
