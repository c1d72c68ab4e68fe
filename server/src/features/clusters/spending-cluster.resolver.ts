import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { SpendingClusterService } from './spending-cluster.service';
import { SpendingClustersGql, toSpendingClusters } from './spending-cluster.type';

/** Spending clusters, on the premium plan. */
@Resolver()
export class SpendingClusterResolver {
  constructor(private readonly service: SpendingClusterService) {}

  @RequireScopes('premium:ai_insights')
  @Query(() => SpendingClustersGql, {
    description:
      'The person’s spending clusters: groups of days with similar spending, named by their traits. Computed by a background job and kept until the ledger changes; after a change `state` is COMPUTING until the job is done. Needs onboarding (ONBOARDING_REQUIRED).',
  })
  async spendingClusters(@Ctx() ctx: GraphQLContext): Promise<SpendingClustersGql> {
    return toSpendingClusters(await this.service.read(viewerIdOf(ctx)));
  }
}
