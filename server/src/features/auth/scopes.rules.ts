import { SCOPES, type Scope } from '../../graphql/scopes';
import type { UserRow } from '../accounts';

const PREMIUM: Scope[] = ['premium:ai_insights'];
const ADMIN: Scope[] = ['admin:*'];

/** What a person's sign-in may do: every user scope, premium ones on the premium plan, admin:* for admins. */
export function scopesForUser(user: Pick<UserRow, 'role' | 'plan'>): Scope[] {
  return SCOPES.filter((scope) => {
    if (PREMIUM.includes(scope)) return user.plan === 'premium';
    if (ADMIN.includes(scope)) return user.role === 'admin';
    return true;
  });
}
