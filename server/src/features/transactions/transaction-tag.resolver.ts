import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, connectionFromList, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { budgetOwnerIdOf } from '../households';
import type { TransactionTagService } from './transaction-tag.service';
import {
  DeleteTagPayload,
  RenameTagPayload,
  TagUsage,
  TagUsageConnection,
} from './transaction-tag.type';

/** Sort key of a tag: most used first (the count inverted, zero-padded), then alphabetically. */
const usageKey = (usage: TagUsage) => [
  String(1e12 - usage.transactionCount).padStart(13, '0'),
  usage.tag,
];

@Resolver()
export class TransactionTagResolver {
  constructor(private readonly services: { tags: TransactionTagService }) {}

  @RequireScopes('read:transactions')
  @Query(() => TagUsageConnection, {
    description:
      'The tags of the viewer’s budget (their household’s, when they belong to one) with how many live transactions carry each, most used first (for autocomplete).',
  })
  async tags(
    @Arg('prefix', () => String, {
      nullable: true,
      description: 'Only tags starting with this (normalised like a tag: "#Tr" finds "trip").',
    })
    prefix: string | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<TagUsage>> {
    const usages = (await this.services.tags.list(await budgetOwnerIdOf(ctx, 'read'), prefix)).map(
      (count) => Object.assign(new TagUsage(), count),
    );
    return connectionFromList(usages, page, { key: usageKey, keyLength: 2 });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => RenameTagPayload, {
    description:
      'Renames a tag on every transaction that carries it, in one write; each changed transaction gets a new version. Renaming an unused tag changes nothing.',
  })
  async renameTag(
    @Arg('from', () => String, { description: 'The tag to rename (normalised first).' })
    from: string,
    @Arg('to', () => String, { description: 'Its new name (normalised like any tag).' })
    to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RenameTagPayload> {
    const change = await this.services.tags.rename(await budgetOwnerIdOf(ctx, 'write'), from, to);
    return Object.assign(new RenameTagPayload(), change);
  }

  @RequireScopes('write:transactions')
  @Mutation(() => DeleteTagPayload, {
    description:
      'Removes a tag from every transaction that carries it, in one write; each changed transaction gets a new version. The transactions stay.',
  })
  async deleteTag(
    @Arg('tag', () => String, { description: 'The tag to remove (normalised first).' })
    tag: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DeleteTagPayload> {
    const change = await this.services.tags.remove(await budgetOwnerIdOf(ctx, 'write'), tag);
    return Object.assign(new DeleteTagPayload(), {
      tag: change.tag,
      transactionCount: change.transactionCount,
      changed: change.changed,
    });
  }
}
