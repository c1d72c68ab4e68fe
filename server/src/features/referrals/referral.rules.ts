/** Premium days the referrer gets when an invitee completes onboarding. */
export const REFERRER_REWARD_DAYS = 30;
/** Premium days the invitee gets at the same moment. */
export const INVITEE_REWARD_DAYS = 30;

/** Upper-case letters and digits without the look-alikes 0/O, 1/I/L. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export type RefusalReason = 'self_referral' | 'same_device' | 'same_payment_method';

export type RewardDecision = { outcome: 'granted' } | { outcome: 'refused'; reason: RefusalReason };

/** A new invite code: CODE_LENGTH symbols of CODE_ALPHABET (about 40 bits), from `randomIndex`. */
export function newReferralCode(randomIndex: (size: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return code;
}

/** A code as typed (any case, spaces or dashes) in its stored form, or null when it cannot be one. */
export function normaliseReferralCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** The mailbox behind an address: lower-cased, without a `+tag` in the local part. */
export function mailboxOf(email: string): string {
  const value = email.trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  const local = value.slice(0, at).split('+')[0] ?? '';
  return `${local}@${value.slice(at + 1)}`;
}

export interface RewardFacts {
  referrer: { id: string; email: string };
  invitee: { id: string; email: string };
  /** Device hashes the referrer signed up from. */
  referrerDevices: readonly string[];
  /** The device hashes of the invitee. */
  inviteeDevices: readonly string[];
  /** Device hashes of the referrer's invitees already rewarded. */
  rewardedDevices: readonly string[];
  /** Payment-method fingerprints of each side (and of rewarded invitees). */
  referrerPayments: readonly string[];
  inviteePayments: readonly string[];
  rewardedPayments: readonly string[];
}

/**
 * Whether a completed referral earns its reward: never for oneself (same account or the same
 * mailbox), nor when the invitee shares a device or a payment method with the referrer or with an
 * invitee of theirs already rewarded (one person's many accounts).
 */
export function judgeReward(facts: RewardFacts): RewardDecision {
  const { referrer, invitee } = facts;
  if (referrer.id === invitee.id || mailboxOf(referrer.email) === mailboxOf(invitee.email))
    return { outcome: 'refused', reason: 'self_referral' };
  const shares = (own: readonly string[], ...others: (readonly string[])[]) =>
    own.some((value) => others.some((list) => list.includes(value)));
  if (shares(facts.inviteeDevices, facts.referrerDevices, facts.rewardedDevices))
    return { outcome: 'refused', reason: 'same_device' };
  if (shares(facts.inviteePayments, facts.referrerPayments, facts.rewardedPayments))
    return { outcome: 'refused', reason: 'same_payment_method' };
  return { outcome: 'granted' };
}
