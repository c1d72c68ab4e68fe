import type { UserRow } from '../accounts';

/** Where premium came from, as stored in `users.premium_source`. */
export type PremiumSource = 'admin' | 'stripe' | 'referral' | 'app_store' | 'play_store';

export type PlanChange = Pick<UserRow, 'plan' | 'premiumSource' | 'premiumUntil'>;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Premium days added to a person's plan: counted from the current end while premium is in force,
 * from `now` otherwise. Premium without an end stays as it is (null: no change).
 */
export function premiumExtendedBy(
  user: Pick<UserRow, 'plan' | 'premiumUntil'>,
  days: number,
  source: PremiumSource,
  now: Date,
): PlanChange | null {
  if (user.plan === 'premium' && user.premiumUntil === null) return null;
  const from =
    user.plan === 'premium' && user.premiumUntil && user.premiumUntil > now
      ? user.premiumUntil
      : now;
  return {
    plan: 'premium',
    premiumSource: source,
    premiumUntil: new Date(from.getTime() + days * DAY_MS),
  };
}

/**
 * Premium until a date a store paid for: never shortens premium in force that ends later (or has no
 * end); null when nothing changes.
 */
export function premiumUntilAtLeast(
  user: Pick<UserRow, 'plan' | 'premiumUntil'>,
  until: Date,
  source: PremiumSource,
  now: Date,
): PlanChange | null {
  if (user.plan === 'premium' && user.premiumUntil === null) return null;
  if (user.plan === 'premium' && user.premiumUntil && user.premiumUntil >= until && until > now)
    return null;
  return { plan: 'premium', premiumSource: source, premiumUntil: until };
}
