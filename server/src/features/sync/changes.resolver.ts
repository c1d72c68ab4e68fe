import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { ChangesService } from './changes.service';
import { ChangeSet, toChangeSet } from './changes.type';

@Resolver()
export class ChangesResolver {
  constructor(private readonly service: ChangesService) {}

  @RequireScopes('read:budget', 'read:transactions')
  @Query(() => ChangeSet, {
    description: 'Upserts and tombstones since a cursor, in server order (offline sync).',
  })
  async changes(
    @Arg('since', () => String, { nullable: true }) since: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most 500.' }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangeSet> {
    return toChangeSet(await this.service.listChanges(viewerIdOf(ctx), { since, first }));
  }
}
