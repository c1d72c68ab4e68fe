import { Arg, Ctx, Extensions, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Node } from '../../graphql/node';
import { enforceScopes, Public, viewerOf } from '../../graphql/scopes';
import { NodeError } from './node.errors';
import { findNode, MAX_NODE_IDS, nodeAccessSentence } from './node.service';

/**
 * Relay's object identification: any record the viewer owns, by id alone. The fields are `@public`
 * in the SDL because their scope depends on the record's type; they still refuse anonymous calls.
 */
@Resolver()
export class NodeResolver {
  @Public()
  @Extensions({ accessSentence: nodeAccessSentence() })
  @Query(() => Node, {
    description:
      'One of your records by its id, whatever its type (use a fragment `... on Goal { … }`). NOT_FOUND (NODE_NOT_FOUND) for an id that is not one of your records: another person’s ids are never resolved.',
  })
  async node(
    @Arg('id', () => ID, { description: 'The record’s `id`.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Node> {
    await enforceScopes(ctx, [], 'Query.node');
    const viewer = viewerOf(ctx);
    const found = await findNode(ctx, viewer, id);
    if (!found) throw new NodeError('NODE_NOT_FOUND');
    return found as Node;
  }

  @Public()
  @Extensions({ accessSentence: nodeAccessSentence() })
  @Query(() => [Node], {
    nullable: 'items',
    description: `Several of your records by id, in the order asked, at most ${MAX_NODE_IDS}; null in place of an id that is not one of your records.`,
  })
  async nodes(
    @Arg('ids', () => [ID], { description: 'The records’ ids (repeats are answered twice).' })
    ids: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<Array<Node | null>> {
    await enforceScopes(ctx, [], 'Query.nodes');
    const viewer = viewerOf(ctx);
    if (ids.length > MAX_NODE_IDS) throw new NodeError('NODE_IDS_TOO_MANY', { max: MAX_NODE_IDS });
    const found: Array<Node | null> = [];
    for (const id of ids) found.push((await findNode(ctx, viewer, id)) as Node | null);
    return found;
  }
}
