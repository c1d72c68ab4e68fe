/** A verification link works this long after it was sent. */
export const VERIFICATION_TOKEN_TTL_MS = 48 * 3600_000;
/** Sending again waits this long after the last mail (a mail server may be slow to deliver). */
export const RESEND_INTERVAL_MS = 60_000;
/** At most this many verification mails per person in `RESEND_WINDOW_MS`. */
export const RESEND_MAX_PER_WINDOW = 5;
export const RESEND_WINDOW_MS = 24 * 3600_000;

/**
 * How long a person must wait before another verification mail, given when earlier ones were
 * sent (any order); 0 when one may be sent now.
 */
export function resendWaitMs(sentAt: readonly Date[], now: Date): number {
  const t = now.getTime();
  const recent = sentAt
    .map((d) => d.getTime())
    .filter((s) => s > t - RESEND_WINDOW_MS && s <= t)
    .sort((a, b) => b - a);
  const [last] = recent;
  const intervalWait = last === undefined ? 0 : last + RESEND_INTERVAL_MS - t;
  const oldestCounted = recent[RESEND_MAX_PER_WINDOW - 1];
  const windowWait = oldestCounted === undefined ? 0 : oldestCounted + RESEND_WINDOW_MS - t;
  return Math.max(0, intervalWait, windowWait);
}

export type VerificationTokenState = 'VALID' | 'UNKNOWN' | 'USED' | 'EXPIRED' | 'ADDRESS_CHANGED';

/** Whether a stored verification token may verify `currentEmail` at `now`. */
export function verificationTokenState(
  token: { usedAt: Date | null; expiresAt: Date; email: string } | null,
  currentEmail: string | null,
  now: Date,
): VerificationTokenState {
  if (!token || currentEmail === null) return 'UNKNOWN';
  if (token.usedAt) return 'USED';
  if (token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (token.email !== currentEmail) return 'ADDRESS_CHANGED';
  return 'VALID';
}
