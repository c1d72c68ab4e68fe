import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { YearMonthScalar } from '../../graphql/scalars';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { Transaction } from '../transactions';
import type { HouseholdService } from './household.service';
import {
  AcceptHouseholdInviteInput,
  ChangeHouseholdRoleInput,
  Household,
  HouseholdPayload,
  InviteToHouseholdInput,
  InviteToHouseholdPayload,
  LeaveHouseholdPayload,
  MemberSpendingTotal,
  toHousehold,
  toHouseholdInvite,
  toHouseholdPayload,
  toMemberSpendingTotal,
} from './household.type';

@Resolver(() => Household)
export class HouseholdResolver {
  constructor(private readonly households: HouseholdService) {}

  @RequireScopes('read:budget')
  @Query(() => Household, {
    nullable: true,
    description: 'The caller’s household with its members and roles; null outside one.',
  })
  async household(@Ctx() ctx: GraphQLContext): Promise<Household | null> {
    const view = await this.households.find(viewerIdOf(ctx));
    return view && toHousehold(view);
  }

  @RequireScopes('read:budget')
  @FieldResolver(() => [MemberSpendingTotal], {
    description:
      'Each member’s expenses of a month in the shared budget, in the order of `members`.',
  })
  async spending(
    @Root() _household: Household,
    @Arg('month', () => YearMonthScalar, { description: 'The month, in the budget’s time zone.' })
    month: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MemberSpendingTotal[]> {
    return (await this.households.spending(viewerIdOf(ctx), month)).map(toMemberSpendingTotal);
  }

  @RequireScopes('manage:budget')
  @Mutation(() => InviteToHouseholdPayload, {
    description:
      'Mails a single-use link (valid 7 days) inviting an address into the caller’s household, which a first invitation creates with the caller as OWNER. Inviting an address again replaces its pending invitation.',
  })
  async inviteToHousehold(
    @Arg('input', () => InviteToHouseholdInput, { description: 'Whom to invite, as what.' })
    input: InviteToHouseholdInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InviteToHouseholdPayload> {
    const { view, invite } = await this.households.invite(viewerIdOf(ctx), input);
    return Object.assign(new InviteToHouseholdPayload(), {
      household: toHousehold(view),
      invite: toHouseholdInvite(invite),
    });
  }

  @RequireScopes('manage:budget')
  @Mutation(() => HouseholdPayload, {
    description:
      'Joins the household of an invitation sent to the caller’s address; from then on the budget operations act on the shared budget. A link works once.',
  })
  async acceptHouseholdInvite(
    @Arg('input', () => AcceptHouseholdInviteInput, { description: 'The link’s token.' })
    input: AcceptHouseholdInviteInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HouseholdPayload> {
    return toHouseholdPayload(await this.households.accept(viewerIdOf(ctx), input.token));
  }

  @RequireScopes('manage:budget')
  @Mutation(() => HouseholdPayload, {
    description: 'The owner makes a member a viewer, or a viewer a member.',
  })
  async changeHouseholdMemberRole(
    @Arg('input', () => ChangeHouseholdRoleInput, { description: 'The member and the role.' })
    input: ChangeHouseholdRoleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HouseholdPayload> {
    return toHouseholdPayload(await this.households.changeRole(viewerIdOf(ctx), input));
  }

  @RequireScopes('manage:budget')
  @Mutation(() => HouseholdPayload, {
    description:
      'The owner removes a member; what they booked stays in the shared budget and their own budget is theirs again.',
  })
  async removeHouseholdMember(
    @Arg('userId', () => ID, { description: 'The member’s user id.' }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HouseholdPayload> {
    return toHouseholdPayload(await this.households.removeMember(viewerIdOf(ctx), userId));
  }

  @RequireScopes('manage:budget')
  @Mutation(() => HouseholdPayload, {
    description: 'The owner withdraws a pending invitation; its link stops working.',
  })
  async revokeHouseholdInvite(
    @Arg('id', () => ID, { description: 'The invitation’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HouseholdPayload> {
    return toHouseholdPayload(await this.households.revokeInvite(viewerIdOf(ctx), id));
  }

  @RequireScopes('manage:budget')
  @Mutation(() => LeaveHouseholdPayload, {
    description:
      'Leaves the household: the caller’s own budget is theirs again; what they booked stays in the shared one. The owner leaves only once the others are removed.',
  })
  async leaveHousehold(@Ctx() ctx: GraphQLContext): Promise<LeaveHouseholdPayload> {
    await this.households.leave(viewerIdOf(ctx));
    return Object.assign(new LeaveHouseholdPayload(), { left: true });
  }
}

/** The households feature's field on the ledger's transactions. */
@Resolver(() => Transaction)
export class TransactionMemberResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description:
      'In a shared household budget: the member who booked it (a `HouseholdMember.userId`); null when the budget’s owner did.',
  })
  memberId(@Root() transaction: Transaction & { memberId?: string | null }): string | null {
    return transaction.memberId ?? null;
  }
}
