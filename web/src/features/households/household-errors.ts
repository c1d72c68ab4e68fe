import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync';

export type HouseholdErrorKey =
  | 'invalidEmail'
  | 'alreadyMember'
  | 'alreadyInOne'
  | 'notOwner'
  | 'ownerHasMembers'
  | 'full'
  | 'offline'
  | 'failed';

const BY_REASON: Readonly<Record<string, HouseholdErrorKey>> = {
  HOUSEHOLD_INPUT_INVALID: 'invalidEmail',
  HOUSEHOLD_ALREADY_MEMBER: 'alreadyMember',
  HOUSEHOLD_ALREADY_IN_ONE: 'alreadyInOne',
  HOUSEHOLD_NOT_OWNER: 'notOwner',
  HOUSEHOLD_OWNER_HAS_MEMBERS: 'ownerHasMembers',
  HOUSEHOLD_FULL: 'full',
};

/** The message key (page.errors.*) for a failed household change. */
export function householdErrorKey(failure: unknown): HouseholdErrorKey {
  if (failure instanceof NetworkUnavailableError) return 'offline';
  if (failure instanceof GraphqlRequestError) return BY_REASON[failure.reason ?? ''] ?? 'failed';
  return 'failed';
}

export type AcceptFailure =
  | 'used'
  | 'expired'
  | 'invalid'
  | 'otherAddress'
  | 'alreadyInOne'
  | 'alreadyMember'
  | 'missing'
  | 'signedOut'
  | 'offline'
  | 'unknown';

const ACCEPT_BY_REASON: Readonly<Record<string, AcceptFailure>> = {
  HOUSEHOLD_INVITE_USED: 'used',
  HOUSEHOLD_INVITE_EXPIRED: 'expired',
  HOUSEHOLD_INVITE_INVALID: 'invalid',
  HOUSEHOLD_INVITE_OTHER_ADDRESS: 'otherAddress',
  HOUSEHOLD_ALREADY_IN_ONE: 'alreadyInOne',
  HOUSEHOLD_ALREADY_MEMBER: 'alreadyMember',
};

/** Why opening an invitation link failed (accept.failed.*). */
export function acceptFailureOf(failure: unknown): AcceptFailure {
  if (failure instanceof NetworkUnavailableError) return 'offline';
  if (failure instanceof GraphqlRequestError)
    return ACCEPT_BY_REASON[failure.reason ?? ''] ?? 'unknown';
  return 'unknown';
}
