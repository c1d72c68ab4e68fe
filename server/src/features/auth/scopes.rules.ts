import { SCOPES, type Scope } from '../../graphql/scopes';
import type { UserRow } from '../accounts';

const PREMIUM: Scope[] = ['premium:ai_insights'];
const ADMIN: Scope[] = ['admin:*'];

/** Whether premium is in force: the premium plan, with no end or an end still to come. */
export function isPremium(user: Pick<UserRow, 'plan' | 'premiumUntil'>, now: Date): boolean {
  return user.plan === 'premium' && (user.premiumUntil === null || user.premiumUntil > now);
}

/**
 * What a person's sign-in may do: every user scope, premium ones while premium is in force,
 * admin:* for admins. Read at each sign-in and refresh, so a change of plan reaches a device at
 * its next refresh (access tokens live 15 minutes).
 */
export function scopesForUser(
  user: Pick<UserRow, 'role' | 'plan' | 'premiumUntil'>,
  now: Date,
): Scope[] {
  return SCOPES.filter((scope) => {
    if (PREMIUM.includes(scope)) return isPremium(user, now);
    if (ADMIN.includes(scope)) return user.role === 'admin';
    return true;
  });
}
