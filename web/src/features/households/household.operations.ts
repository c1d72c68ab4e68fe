import type {
  AcceptHouseholdInviteMutation,
  ChangeHouseholdMemberRoleMutation,
  HouseholdQuery,
  InviteToHouseholdMutation,
  LeaveHouseholdMutation,
  RemoveHouseholdMemberMutation,
  RevokeHouseholdInviteMutation,
} from '@/lib/graphql/generated';

// Households: a budget shared with a partner (docs/households.md).

const HOUSEHOLD_FIELDS = /* GraphQL */ `
  fragment HouseholdFields on Household {
    id
    ownerId
    viewerRole
    version
    updatedAt
    members {
      userId
      name
      email
      role
    }
    invites {
      id
      email
      role
      expiresAt
    }
  }
`;

export const HOUSEHOLD = /* GraphQL */ `
  query Household($month: YearMonth!) {
    household {
      ...HouseholdFields
      spending(month: $month) {
        userId
        name
        count
        spent {
          amount
          currency
        }
      }
    }
  }
  ${HOUSEHOLD_FIELDS}
`;

export const INVITE_TO_HOUSEHOLD = /* GraphQL */ `
  mutation InviteToHousehold($input: InviteToHouseholdInput!) {
    inviteToHousehold(input: $input) {
      invite {
        id
        email
      }
      household {
        ...HouseholdFields
      }
    }
  }
  ${HOUSEHOLD_FIELDS}
`;

export const ACCEPT_HOUSEHOLD_INVITE = /* GraphQL */ `
  mutation AcceptHouseholdInvite($input: AcceptHouseholdInviteInput!) {
    acceptHouseholdInvite(input: $input) {
      household {
        ...HouseholdFields
      }
    }
  }
  ${HOUSEHOLD_FIELDS}
`;

export const CHANGE_HOUSEHOLD_MEMBER_ROLE = /* GraphQL */ `
  mutation ChangeHouseholdMemberRole($input: ChangeHouseholdRoleInput!) {
    changeHouseholdMemberRole(input: $input) {
      household {
        ...HouseholdFields
      }
    }
  }
  ${HOUSEHOLD_FIELDS}
`;

export const REMOVE_HOUSEHOLD_MEMBER = /* GraphQL */ `
  mutation RemoveHouseholdMember($userId: ID!) {
    removeHouseholdMember(userId: $userId) {
      household {
        ...HouseholdFields
      }
    }
  }
  ${HOUSEHOLD_FIELDS}
`;

export const REVOKE_HOUSEHOLD_INVITE = /* GraphQL */ `
  mutation RevokeHouseholdInvite($id: ID!) {
    revokeHouseholdInvite(id: $id) {
      household {
        ...HouseholdFields
      }
    }
  }
  ${HOUSEHOLD_FIELDS}
`;

export const LEAVE_HOUSEHOLD = /* GraphQL */ `
  mutation LeaveHousehold {
    leaveHousehold {
      left
    }
  }
`;

export type HouseholdResult = HouseholdQuery;
export type HouseholdData = NonNullable<HouseholdQuery['household']>;
export type InviteResult = InviteToHouseholdMutation;
export type AcceptResult = AcceptHouseholdInviteMutation;
export type ChangeRoleResult = ChangeHouseholdMemberRoleMutation;
export type RemoveMemberResult = RemoveHouseholdMemberMutation;
export type RevokeInviteResult = RevokeHouseholdInviteMutation;
export type LeaveResult = LeaveHouseholdMutation;
