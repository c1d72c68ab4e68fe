import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { ReferralService } from './referral.service';
import { ReferralSummary, toReferralSummary } from './referral.type';

/** The viewer's invite code and its results; sign-up with a code is on `register`. */
@Resolver()
export class ReferralResolver {
  constructor(private readonly referrals: ReferralService) {}

  @RequireScopes('read:profile')
  @Query(() => ReferralSummary, {
    description:
      'The viewer’s invite code (made on first request), its share link, and how many invitees joined, completed onboarding and earned a reward.',
  })
  async myReferral(@Ctx() ctx: GraphQLContext): Promise<ReferralSummary> {
    return toReferralSummary(await this.referrals.summaryOf(viewerIdOf(ctx)));
  }
}
