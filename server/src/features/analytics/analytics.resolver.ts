import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { YearMonthScalar } from '../../graphql/scalars';
import { RequireScopes } from '../../graphql/scopes';
import { budgetOwnerIdOf } from '../households';
import { toPeerComparison, toSpendingInsights } from './analytics.mappers';
import type { AnalyticsService } from './analytics.service';
import { SpendingInsights } from './analytics.type';
import { PeerComparison } from './peer-comparison.type';

const MONTH_DESCRIPTION =
  'A local month in the person’s time zone, from 24 months before the current one up to it; default the current month (figures to today).';

/** Spending analytics (domain §8), read with read:analytics. */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly service: AnalyticsService) {}

  @RequireScopes('read:analytics')
  @Query(() => SpendingInsights, {
    description:
      'A month’s spending explained: breakdown by category, trends against the months before, pace against the plan, unusual days, drift of category shares and a financial health score with its parts. Needs onboarding.',
  })
  async spendingInsights(
    @Arg('month', () => YearMonthScalar, { nullable: true, description: MONTH_DESCRIPTION })
    month: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SpendingInsights> {
    return toSpendingInsights(
      await this.service.spendingInsights(await budgetOwnerIdOf(ctx, 'read'), month),
    );
  }

  @RequireScopes('read:analytics')
  @Query(() => PeerComparison, {
    description:
      'The person’s spending mix against people of the same income band and region, only when at least 20 others spent that month; never one peer’s figures, never the group’s size. Needs onboarding.',
  })
  async peerComparison(
    @Arg('month', () => YearMonthScalar, { nullable: true, description: MONTH_DESCRIPTION })
    month: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PeerComparison> {
    return toPeerComparison(
      await this.service.peerComparison(await budgetOwnerIdOf(ctx, 'read'), month),
    );
  }
}
