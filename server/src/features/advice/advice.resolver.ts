import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { AdviceService } from './advice.service';
import { AdviceToday, toAdviceToday } from './advice.type';

/** The day's advice, on the premium plan. */
@Resolver()
export class AdviceResolver {
  constructor(private readonly advice: AdviceService) {}

  @RequireScopes('premium:ai_insights')
  @Query(() => AdviceToday, {
    description:
      'Today’s advice, written once per local day (later calls answer the same). Needs a plan (ONBOARDING_REQUIRED before onboarding).',
  })
  async adviceToday(@Ctx() ctx: GraphQLContext): Promise<AdviceToday> {
    return toAdviceToday(await this.advice.today(viewerIdOf(ctx)));
  }
}
