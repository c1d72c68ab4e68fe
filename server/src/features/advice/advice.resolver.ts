import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LocalDateScalar } from '../../graphql/scalars';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { AdviceService } from './advice.service';
import { DailyAdvice, toDailyAdvice } from './advice.type';

/** The day's advice, on the premium plan. */
@Resolver()
export class AdviceResolver {
  constructor(private readonly service: AdviceService) {}

  @RequireScopes('premium:ai_insights')
  @Query(() => DailyAdvice, {
    nullable: true,
    description:
      'The advice of a local day. Today’s is written on its first read and answers the same all day; an earlier day’s is the one written then, or null when none was; a day to come is null. Needs a plan (ONBOARDING_REQUIRED before onboarding).',
  })
  async advice(
    @Arg('date', () => LocalDateScalar, {
      nullable: true,
      description: 'The local day (budget time zone); default today.',
    })
    date: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DailyAdvice | null> {
    const row = await this.service.forDate(viewerIdOf(ctx), date);
    return row ? toDailyAdvice(row) : null;
  }
}
