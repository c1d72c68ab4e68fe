import { describe, expect, it } from 'vitest';
import { INCOME_TIERS, REGIONAL_PROFILES, type IncomeTier } from './profiles';
import { generatePlan } from './generate-plan';
import { incomeTierOf, normaliseRegion, resolveProfile } from './tier';
import { base, codes } from '../../test/plan-helpers';

const profile = (region: string | undefined, currency = 'USD') =>
  resolveProfile(region, currency, REGIONAL_PROFILES);

describe('income tier at the exact boundaries (annual = monthly × 12, bounds inclusive)', () => {
  it.each<[string, number, IncomeTier]>([
    ['US', 300000, 'low'], // 36,000.00 a year
    ['US', 300001, 'lower_middle'],
    ['US', 480000, 'lower_middle'], // 57,600.00
    ['US', 480001, 'middle'],
    ['US', 720000, 'middle'], // 86,400.00
    ['US', 720001, 'upper_middle'],
    ['US', 1200000, 'upper_middle'], // 144,000.00
    ['US', 1200001, 'high'],
    ['US', 0, 'low'],
    ['US-NY', 405000, 'low'], // 48,600.00
    ['US-NY', 405001, 'lower_middle'],
    ['US-CA', 374458, 'low'], // 44,934.96 ≤ 44,935
    ['US-CA', 374459, 'lower_middle'], // 44,935.08
    ['US-TX', 279000, 'low'], // 33,480.00
    ['US-TX', 279001, 'lower_middle'],
    ['US-FL', 1166666, 'upper_middle'], // 139,999.92 ≤ 140,000
    ['US-FL', 1166667, 'high'],
  ])('%s, %i cents a month → %s', (region, monthly, tier) => {
    expect(incomeTierOf(monthly, 'USD', profile(region))).toBe(tier);
  });

  it('covers every bound of every profile on both sides', () => {
    for (const p of REGIONAL_PROFILES) {
      p.annualUpperBounds.forEach((bound, i) => {
        const monthly = Math.floor((bound * 100) / 12);
        expect(incomeTierOf(monthly, 'USD', p), `${p.id} ${bound}`).toBe(INCOME_TIERS[i]);
        expect(incomeTierOf(monthly + 1, 'USD', p), `${p.id} ${bound}+`).toBe(INCOME_TIERS[i + 1]);
      });
    }
  });
});

describe('profile choice', () => {
  it.each([
    ['US-CA', 'USD', 'US-CA'],
    ['US-WA', 'USD', 'US'],
    [undefined, 'USD', 'US'],
    ['US-CA', 'EUR', undefined],
    ['FR', 'EUR', undefined],
  ])('region %s in %s uses %s', (region, currency, expected) => {
    expect(profile(region, currency)?.id).toBe(expected);
  });

  it('uses the middle tier without a profile', () => {
    expect(incomeTierOf(1, 'EUR', undefined)).toBe('middle');
    expect(incomeTierOf(100_000_000, 'JPY', undefined)).toBe('middle');
  });

  it('reads new profiles as data', () => {
    const gb = {
      id: 'GB',
      currency: 'GBP',
      costIndex: '1.00',
      annualUpperBounds: [20000, 30000, 50000, 100000] as const,
      coffeePrices: ['3.00', '3.50', '4.00', '5.00', '6.00'] as const,
      isCurrencyDefault: true,
    };
    const chosen = resolveProfile('GB-LND', 'GBP', [...REGIONAL_PROFILES, gb]);
    expect(chosen?.id).toBe('GB');
    expect(incomeTierOf(250001, 'GBP', chosen)).toBe('middle');
  });
});

describe('region codes are ISO 3166 and case-insensitive (domain §3.1)', () => {
  it.each([
    ['us-ca', 'USD', 'US-CA'],
    ['Us-Ny', 'USD', 'US-NY'],
    [' us-tx ', 'USD', 'US-TX'],
    ['us', 'USD', 'US'],
    ['us-fl', 'EUR', undefined],
  ])('region %j in %s uses %s', (region, currency, expected) => {
    expect(profile(region, currency)?.id).toBe(expected);
  });

  it.each([
    ['us-ca', 'US-CA'],
    ['de', 'DE'],
    ['GB-LND', 'GB-LND'],
    ['california', undefined],
    ['U', undefined],
    ['US_CA', undefined],
    ['', undefined],
  ])('normaliseRegion(%j) is %s', (region, expected) => {
    expect(normaliseRegion(region)).toBe(expected);
  });
});

describe('the plan says when an unknown region falls back to US (domain §3.1)', () => {
  it.each<[string | undefined, string, string, string[]]>([
    ['us-ca', 'USD', 'US-CA', []],
    ['US', 'USD', 'US', []],
    ['US-WA', 'USD', 'US', ['REGION_DEFAULTED']],
    ['DE', 'USD', 'US', ['REGION_DEFAULTED']],
    [undefined, 'USD', 'US', ['REGION_DEFAULTED']],
    ['FR', 'EUR', '', ['NO_REGIONAL_PROFILE']],
  ])('region %j in %s: profile %j, notices %j', (region, currency, profileId, notices) => {
    const { region: _omitted, ...rest } = base;
    const plan = generatePlan({ ...rest, currency, ...(region !== undefined ? { region } : {}) });
    expect(plan.profileId ?? '').toBe(profileId);
    expect(
      codes(plan).filter((c) => c === 'REGION_DEFAULTED' || c === 'NO_REGIONAL_PROFILE'),
    ).toEqual(notices);
  });

  it('names the region and the profile used', () => {
    const plan = generatePlan({ ...base, region: 'us-wa' });
    expect(plan.notices.find((n) => n.code === 'REGION_DEFAULTED')).toEqual({
      code: 'REGION_DEFAULTED',
      message: 'There is no profile for region "us-wa" in USD, so this plan uses the US profile',
      details: { region: 'us-wa', profileId: 'US' },
    });
  });
});
