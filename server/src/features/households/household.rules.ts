import type { HouseholdRole } from './household.table';

/** An invitation link works this long after it was sent. */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
/** Members and pending invitations of one household, together. */
export const MAX_HOUSEHOLD_SIZE = 10;

export type InviteState = 'VALID' | 'UNKNOWN' | 'USED' | 'EXPIRED';

/** Whether a stored invitation may still be accepted at `now`. */
export function inviteState(
  invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null,
  now: Date,
): InviteState {
  if (!invite || invite.revokedAt) return 'UNKNOWN';
  if (invite.acceptedAt) return 'USED';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'VALID';
}

export type BudgetAccess = 'read' | 'write';

/** Whether a role may use the shared budget this way: viewers only read. */
export function roleAllows(role: HouseholdRole, access: BudgetAccess): boolean {
  return access === 'read' || role !== 'viewer';
}

/** An e-mail address as invitations store and compare it. */
export function normalizeEmail(email: string): string | null {
  const trimmed = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) && trimmed.length <= 254 ? trimmed : null;
}
