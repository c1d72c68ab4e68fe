/**
 * Choosing the regional profile and the income tier (domain §3.1).
 *
 * Decisions: a profile applies only in its own currency, so a known region with another currency
 * falls back to that currency's default profile (if any) and then to "no profile"; an unknown
 * region uses the currency's default profile (`US` for USD).
 */
import { minorPerMajor } from '../money/currencies';
import { DEFAULT_TIER, INCOME_TIERS, type IncomeTier, type RegionalProfile } from './profiles';

/** Picks the profile for a region and currency, or undefined when the currency has none. */
export function resolveProfile(
  region: string | undefined,
  currency: string,
  profiles: readonly RegionalProfile[],
): RegionalProfile | undefined {
  const inCurrency = profiles.filter((profile) => profile.currency === currency);
  const exact = inCurrency.find((profile) => profile.id === region);
  return exact ?? inCurrency.find((profile) => profile.isCurrencyDefault === true);
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
