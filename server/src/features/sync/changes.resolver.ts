import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes, viewerOf } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { budgetOwnerIdOf } from '../households';
import type { ChangesService } from './changes.service';
import { ChangeSet, toChangeSet } from './changes.type';

@Resolver()
export class ChangesResolver {
  constructor(private readonly service: ChangesService) {}

  @RequireScopes('read:budget', 'read:transactions')
  @Query(() => ChangeSet, {
    description:
      'Upserts and tombstones since a cursor, in server order (offline sync). Receipt status changes are included when the token also has process:receipts.',
  })
  async changes(
    @Arg('since', () => String, {
      nullable: true,
      description:
        'The `cursor` of the previous ChangeSet (or of a change); absent: from the beginning.',
    })
    since: string | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'How many changes at most: 1 to 500 (500 when absent).',
    })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ChangeSet> {
    const includeReceipts = viewerOf(ctx).scopes.includes('process:receipts');
    return toChangeSet(
      await this.service.listChanges(viewerIdOf(ctx), {
        since,
        first,
        includeReceipts,
        budgetOwnerId: await budgetOwnerIdOf(ctx, 'read'),
      }),
    );
  }
}
