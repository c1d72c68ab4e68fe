import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import type { HouseholdMemberView } from './household.repository';
import type { HouseholdView, MemberSpending } from './household.service';
import type { HouseholdInviteRow } from './household.table';

export enum HouseholdRoleGql {
  OWNER = 'owner',
  MEMBER = 'member',
  VIEWER = 'viewer',
}
registerEnumType(HouseholdRoleGql, {
  name: 'HouseholdRole',
  description: 'What a person may do in a household’s shared budget.',
  valuesConfig: {
    OWNER: {
      description:
        'Whose budget is shared; invites, changes roles and removes members. Exactly one.',
    },
    MEMBER: { description: 'Reads and changes the shared budget: books transactions, plans.' },
    VIEWER: { description: 'Reads the shared budget; every change is refused (FORBIDDEN).' },
  },
});

export enum InvitableHouseholdRole {
  MEMBER = 'member',
  VIEWER = 'viewer',
}
registerEnumType(InvitableHouseholdRole, {
  name: 'InvitableHouseholdRole',
  description: 'The roles an invitation or a role change may give (there is one owner).',
  valuesConfig: {
    MEMBER: { description: 'Reads and changes the shared budget.' },
    VIEWER: { description: 'Reads the shared budget only.' },
  },
});

@ObjectType({ description: 'A person in a household.' })
export class HouseholdMember {
  @Field(() => ID, { description: 'The person’s user id (as `Transaction.memberId` shows it).' })
  userId!: string;
  @Field(() => String, { description: 'The person’s name.' })
  name!: string;
  @Field(() => String, { description: 'The person’s e-mail address.' })
  email!: string;
  @Field(() => HouseholdRoleGql, { description: 'What they may do.' })
  role!: HouseholdRoleGql;
  @Field(() => Date, { description: 'When they joined.' })
  joinedAt!: Date;
}

@ObjectType({ description: 'An invitation not yet accepted, revoked or expired.' })
export class HouseholdInvite {
  @Field(() => ID, { description: 'The invitation’s id (for revokeHouseholdInvite).' })
  id!: string;
  @Field(() => String, { description: 'The invited address, lower-cased.' })
  email!: string;
  @Field(() => InvitableHouseholdRole, { description: 'The role accepting gives.' })
  role!: InvitableHouseholdRole;
  @Field(() => Date, { description: 'When the link stops working.' })
  expiresAt!: Date;
  @Field(() => Date, { description: 'When it was sent.' })
  createdAt!: Date;
}

@ObjectType({
  description:
    'A budget shared by its owner with members and viewers: the shared plan is the owner’s budget (docs/households.md).',
})
export class Household {
  @Field(() => ID, { description: 'The household’s id.' })
  id!: string;
  @Field(() => ID, { description: 'The owner’s user id: whose budget is shared.' })
  ownerId!: string;
  @Field(() => HouseholdRoleGql, { description: 'The caller’s role.' })
  viewerRole!: HouseholdRoleGql;
  @Field(() => [HouseholdMember], {
    description: 'Everyone in it, the earliest to join first (at most 10, so a plain list).',
  })
  members!: HouseholdMember[];
  @Field(() => [HouseholdInvite], {
    description:
      'Pending invitations, oldest first (at most 10); empty unless the caller is the owner.',
  })
  invites!: HouseholdInvite[];
  @Field(() => Int, { description: 'Moves on every change of members or roles.' })
  version!: number;
  @Field(() => Date, { description: 'When members or roles last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'What one member spent in a month of the shared budget.' })
export class MemberSpendingTotal {
  @Field(() => ID, { description: 'The member’s user id.' })
  userId!: string;
  @Field(() => String, { description: 'The member’s name.' })
  name!: string;
  @Field(() => Money, {
    nullable: true,
    description: 'Expenses they booked in the month; null when they booked none.',
  })
  spent!: Money | null;
  @Field(() => Int, { description: 'How many expenses they booked in the month.' })
  count!: number;
}

@InputType({ description: 'Whom to invite into the caller’s household, and as what.' })
export class InviteToHouseholdInput {
  @Field(() => String, { description: 'The e-mail address the link is sent to.' })
  email!: string;
  @Field(() => InvitableHouseholdRole, {
    defaultValue: InvitableHouseholdRole.MEMBER,
    description: 'The role accepting gives; MEMBER when absent.',
  })
  role!: InvitableHouseholdRole;
}

@InputType({ description: 'An invitation link’s token.' })
export class AcceptHouseholdInviteInput {
  @Field(() => String, { description: 'The `token` parameter of the invitation link.' })
  token!: string;
}

@InputType({ description: 'A member whose role changes.' })
export class ChangeHouseholdRoleInput {
  @Field(() => ID, { description: 'The member’s user id.' })
  userId!: string;
  @Field(() => InvitableHouseholdRole, { description: 'The new role.' })
  role!: InvitableHouseholdRole;
}

@ObjectType({ description: 'The outcome of a change to a household.' })
export class HouseholdPayload {
  @Field(() => Household, { description: 'The household as it is now.' })
  household!: Household;
}

@ObjectType({ description: 'The outcome of an invitation.' })
export class InviteToHouseholdPayload {
  @Field(() => Household, { description: 'The household (created by a first invitation).' })
  household!: Household;
  @Field(() => HouseholdInvite, { description: 'The invitation sent.' })
  invite!: HouseholdInvite;
}

@ObjectType({ description: 'The outcome of leaving a household.' })
export class LeaveHouseholdPayload {
  @Field(() => Boolean, {
    description: 'Always true: the caller is in no household now and uses their own budget.',
  })
  left!: boolean;
}

export function toHouseholdInvite(row: HouseholdInviteRow): HouseholdInvite {
  return Object.assign(new HouseholdInvite(), {
    id: row.id,
    email: row.email,
    role: row.role as InvitableHouseholdRole,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  });
}

function toHouseholdMember(row: HouseholdMemberView): HouseholdMember {
  return Object.assign(new HouseholdMember(), {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role as HouseholdRoleGql,
    joinedAt: row.joinedAt,
  });
}

export function toHousehold(view: HouseholdView): Household {
  return Object.assign(new Household(), {
    id: view.household.id,
    ownerId: view.household.ownerId,
    viewerRole: view.viewerRole as HouseholdRoleGql,
    members: view.members.map(toHouseholdMember),
    invites: view.invites.map(toHouseholdInvite),
    version: view.household.version,
    updatedAt: view.household.updatedAt,
  });
}

export function toHouseholdPayload(view: HouseholdView): HouseholdPayload {
  return Object.assign(new HouseholdPayload(), { household: toHousehold(view) });
}

export function toMemberSpendingTotal(total: MemberSpending): MemberSpendingTotal {
  return Object.assign(new MemberSpendingTotal(), {
    userId: total.userId,
    name: total.name,
    spent: total.currency ? toMoney(total.spentMinor, total.currency) : null,
    count: total.count,
  });
}
