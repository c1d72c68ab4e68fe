import type { UserRow } from './user.table';

/**
 * When an admin's lock on the account ends, or null when it is not locked at `now`. Unlike the
 * sign-in waits after wrong passwords, an admin's lock holds for known devices, Google and passkeys.
 */
export function adminLockEndOf(user: Pick<UserRow, 'adminLockedUntil'>, now: Date): Date | null {
  return user.adminLockedUntil && user.adminLockedUntil > now ? user.adminLockedUntil : null;
}
