import { defineErrors } from '../../graphql/app-error';

export type HouseholdErrorCode =
  | 'HOUSEHOLD_INPUT_INVALID'
  | 'HOUSEHOLD_NOT_FOUND'
  | 'HOUSEHOLD_MEMBER_NOT_FOUND'
  | 'HOUSEHOLD_INVITE_NOT_FOUND'
  | 'HOUSEHOLD_NOT_OWNER'
  | 'HOUSEHOLD_READ_ONLY'
  | 'HOUSEHOLD_ALREADY_MEMBER'
  | 'HOUSEHOLD_ALREADY_IN_ONE'
  | 'HOUSEHOLD_OWNER_HAS_MEMBERS'
  | 'HOUSEHOLD_FULL'
  | 'HOUSEHOLD_INVITE_INVALID'
  | 'HOUSEHOLD_INVITE_USED'
  | 'HOUSEHOLD_INVITE_EXPIRED'
  | 'HOUSEHOLD_INVITE_OTHER_ADDRESS';

export const HouseholdError = defineErrors<HouseholdErrorCode>('HouseholdError', {
  HOUSEHOLD_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A household request is refused: the e-mail address is not one, the role cannot be given (OWNER is never assignable), or the owner tried to remove themselves. The message says which.',
    action: 'Correct what the message names and send the request again.',
    message: (d) => String(d.message),
  },
  HOUSEHOLD_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The operation needs a household and the caller belongs to none.',
    action: 'Create one by inviting someone (inviteToHousehold), or accept an invitation.',
    message: () => 'You do not belong to a household.',
  },
  HOUSEHOLD_MEMBER_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The user id names nobody in the caller’s household (unknown, gone, or in another household).',
    action: 'Refresh the household and use a member’s id from it.',
    message: () => 'No such member in your household.',
  },
  HOUSEHOLD_INVITE_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The id names no pending invitation of the caller’s household (unknown, accepted, revoked, or another household’s).',
    action: 'Refresh the household’s pending invitations.',
    message: () => 'No such invitation.',
  },
  HOUSEHOLD_NOT_OWNER: {
    publicCode: 'FORBIDDEN',
    when: 'Only the household’s owner invites, revokes invitations, changes roles and removes members.',
    action: 'Ask the owner to do it.',
    message: () => 'Only the household’s owner can do this.',
  },
  HOUSEHOLD_READ_ONLY: {
    publicCode: 'FORBIDDEN',
    when: 'A VIEWER of a household tried to change the shared budget (a transaction, a category, the plan).',
    action: 'Ask the owner to make you a MEMBER, or leave the household to use your own budget.',
    message: () => 'Viewers of a household cannot change the shared budget.',
  },
  HOUSEHOLD_ALREADY_MEMBER: {
    publicCode: 'CONFLICT',
    when: 'The invited address (or the person accepting) already belongs to this household.',
    action: 'Nothing to do: they share the budget already.',
    message: () => 'This person is already in the household.',
  },
  HOUSEHOLD_ALREADY_IN_ONE: {
    publicCode: 'CONFLICT',
    when: 'The caller already belongs to another household: a person is in at most one, and a member cannot start one of their own.',
    action: 'Leave the current household first (leaveHousehold), then try again.',
    message: () => 'You already belong to a household: leave it first.',
  },
  HOUSEHOLD_OWNER_HAS_MEMBERS: {
    publicCode: 'CONFLICT',
    when: 'The owner tried to leave while other members remain. The shared plan is the owner’s own budget, so ownership does not move to someone else.',
    action: 'Remove the other members first (removeHouseholdMember), then leave.',
    message: () => 'Remove the other members before leaving your household.',
  },
  HOUSEHOLD_FULL: {
    publicCode: 'CONFLICT',
    when: 'The household has its maximum number of members and pending invitations (details.limit).',
    action: 'Remove a member or revoke a pending invitation first.',
    message: (d) => `A household holds at most ${String(d.limit)} people and invitations.`,
  },
  HOUSEHOLD_INVITE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The invitation link’s token is unknown, or its invitation was revoked or its household dissolved.',
    action: 'Ask the owner for a new invitation.',
    message: () => 'This invitation link is not valid.',
  },
  HOUSEHOLD_INVITE_USED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The invitation link was already accepted: a link works once.',
    action: 'Ask the owner for a new invitation if you are not in the household.',
    message: () => 'This invitation link was already used.',
  },
  HOUSEHOLD_INVITE_EXPIRED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The invitation link is older than 7 days.',
    action: 'Ask the owner to invite you again.',
    message: () => 'This invitation link has expired.',
  },
  HOUSEHOLD_INVITE_OTHER_ADDRESS: {
    publicCode: 'FORBIDDEN',
    when: 'The signed-in person’s e-mail address is not the invited one.',
    action: 'Sign in with the invited address, or ask the owner to invite this one.',
    message: () => 'This invitation was sent to another address.',
  },
});
