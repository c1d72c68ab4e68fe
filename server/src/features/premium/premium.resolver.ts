import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { isUuid } from '../../graphql/ids';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { PremiumError } from './premium.errors';
import type { PremiumService } from './premium.service';
import { Entitlement, GrantPremiumInput, toEntitlement } from './premium.type';
import { GrantPremiumAccessPayload, RevokePremiumAccessPayload } from './premium-payloads.type';

const known = (userId: string) => {
  if (!isUuid(userId)) throw new PremiumError('PREMIUM_USER_NOT_FOUND');
  return userId;
};

/** The viewer's plan, and premium granted or revoked by admins. */
@Resolver()
export class PremiumResolver {
  constructor(private readonly premium: PremiumService) {}

  @RequireScopes('read:profile')
  @Query(() => Entitlement, { description: 'The viewer’s plan and whether premium is in force.' })
  async myEntitlement(@Ctx() ctx: GraphQLContext): Promise<Entitlement> {
    return toEntitlement(await this.premium.entitlementOf(viewerIdOf(ctx)));
  }

  @RequireScopes('admin:*')
  @Mutation(() => Entitlement, {
    description:
      'Makes a person premium (audited as admin.premium_granted); their premium scopes start at their next token refresh.',
    deprecationReason: 'Use grantPremiumAccess. Removal after 2027-06-30.',
  })
  async grantPremium(
    @Arg('input', () => GrantPremiumInput, { description: 'Who, and until when.' })
    input: GrantPremiumInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Entitlement> {
    return toEntitlement(
      await this.premium.grant(
        viewerIdOf(ctx),
        known(input.userId),
        input.until ?? null,
        ctx.clientIp,
      ),
    );
  }

  @RequireScopes('admin:*')
  @Mutation(() => Entitlement, {
    description:
      'Puts a person back on the standard plan (audited as admin.premium_revoked); their premium scopes end at their next token refresh.',
    deprecationReason: 'Use revokePremiumAccess. Removal after 2027-06-30.',
  })
  async revokePremium(
    @Arg('userId', () => ID, { description: 'The person’s account id.' }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Entitlement> {
    return toEntitlement(await this.premium.revoke(viewerIdOf(ctx), known(userId), ctx.clientIp));
  }

  @RequireScopes('admin:*')
  @Mutation(() => GrantPremiumAccessPayload, {
    description:
      'Makes a person premium (audited as admin.premium_granted); their premium scopes start at their next token refresh.',
  })
  async grantPremiumAccess(
    @Arg('input', () => GrantPremiumInput, { description: 'Who, and until when.' })
    input: GrantPremiumInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GrantPremiumAccessPayload> {
    const entitlement = await this.grantPremium(input, ctx);
    return Object.assign(new GrantPremiumAccessPayload(), { entitlement });
  }

  @RequireScopes('admin:*')
  @Mutation(() => RevokePremiumAccessPayload, {
    description:
      'Puts a person back on the standard plan (audited as admin.premium_revoked); their premium scopes end at their next token refresh.',
  })
  async revokePremiumAccess(
    @Arg('userId', () => ID, { description: 'The person’s account id.' }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevokePremiumAccessPayload> {
    const entitlement = await this.revokePremium(userId, ctx);
    return Object.assign(new RevokePremiumAccessPayload(), { entitlement });
  }
}
