/**
 * Choosing the regional profile and the income tier (domain §3.1).
 *
 * Decisions: region codes are ISO 3166 (a country, or country-subdivision) compared without regard
 * to case (`us-ca` is `US-CA`); a profile applies only in its own currency, so a known region with
 * another currency falls back to that currency's default profile (if any) and then to "no
 * profile"; an unknown or absent region uses the currency's default profile (`US` for USD), and
 * the plan says so (REGION_DEFAULTED).
 */
import { minorPerMajor } from '../money/currencies';
import { DEFAULT_TIER, INCOME_TIERS, type IncomeTier, type RegionalProfile } from './profiles';

const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** A region code in ISO 3166 form (`US`, `US-CA`), upper-cased; undefined when it is not one. */
export function normaliseRegion(region: string | undefined): string | undefined {
  const code = region?.trim().toUpperCase();
  return code !== undefined && REGION_CODE.test(code) ? code : undefined;
}

/** Picks the profile for a region and currency, or undefined when the currency has none. */
export function resolveProfile(
  region: string | undefined,
  currency: string,
  profiles: readonly RegionalProfile[],
): RegionalProfile | undefined {
  const code = normaliseRegion(region);
  const inCurrency = profiles.filter((profile) => profile.currency === currency);
  const exact = inCurrency.find((profile) => profile.id.toUpperCase() === code);
  return exact ?? inCurrency.find((profile) => profile.isCurrencyDefault === true);
}

/** True when `profile` was chosen as its currency's default, not because the region named it. */
export function isDefaultedProfile(
  region: string | undefined,
  profile: RegionalProfile | undefined,
): boolean {
  return profile !== undefined && profile.id.toUpperCase() !== normaliseRegion(region);
}

/** The income tier of a monthly income: annual = monthly × 12 against inclusive upper bounds. */
export function incomeTierOf(
  monthlyIncomeMinor: number,
  currency: string,
  profile: RegionalProfile | undefined,
): IncomeTier {
  if (profile === undefined) return DEFAULT_TIER;
  const annual = BigInt(monthlyIncomeMinor) * 12n;
  const unit = BigInt(minorPerMajor(currency));
  const index = profile.annualUpperBounds.findIndex((bound) => annual <= BigInt(bound) * unit);
  return INCOME_TIERS[index === -1 ? INCOME_TIERS.length - 1 : index] ?? DEFAULT_TIER;
}
