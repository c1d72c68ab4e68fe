import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { budgetActorOf, budgetOwnerIdOf } from '../households';
import { Transaction, toTransaction } from '../transactions';
import { CreateSplitTransactionInput, UpdateSplitInput } from './split.input';
import type { SplitService } from './split.service';
import { Split, SplitPayload, toSplit, toSplitPayload } from './split.type';

@Resolver(() => Split)
export class SplitResolver {
  constructor(private readonly service: SplitService) {}

  @RequireScopes('write:transactions')
  @Mutation(() => SplitPayload, {
    description:
      'Records one payment across several categories (one transaction per part, all in one write; each month recomputes once); idempotent by the client id.',
  })
  async createSplitTransaction(
    @Arg('input', () => CreateSplitTransactionInput, { description: 'The payment and its parts.' })
    input: CreateSplitTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SplitPayload> {
    const actor = await budgetActorOf(ctx, 'write');
    return toSplitPayload(
      await this.service.create(actor.ownerId, { ...input, memberId: actor.memberId }),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => SplitPayload, {
    description:
      'Replaces a split’s parts unless `baseVersion` is stale (then `conflict`); the parts must still add up to the total exactly.',
  })
  async updateSplit(
    @Arg('input', () => UpdateSplitInput, { description: 'The split and its new parts.' })
    input: UpdateSplitInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SplitPayload> {
    return toSplitPayload(await this.service.update(await budgetOwnerIdOf(ctx, 'write'), input));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => SplitPayload, {
    description: 'Deletes a split and all its parts (tombstones); the months get their money back.',
  })
  async deleteSplit(
    @Arg('id', () => ID, { description: 'The split; deleting a deleted one changes nothing.' })
    id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SplitPayload> {
    return toSplitPayload(await this.service.delete(await budgetOwnerIdOf(ctx, 'write'), id));
  }

  @RequireScopes('read:transactions')
  @Query(() => Split, { description: 'One of the viewer’s split payments, deleted ones included.' })
  async split(
    @Arg('id', () => ID, { description: 'The split’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Split> {
    return toSplit(await this.service.get(await budgetOwnerIdOf(ctx, 'read'), id));
  }

  @RequireScopes('read:transactions')
  @FieldResolver(() => [Transaction], {
    description: 'The live parts, in the order entered; empty once the split is deleted.',
  })
  async parts(@Root() split: Split, @Ctx() ctx: GraphQLContext): Promise<Transaction[]> {
    const row = await this.service.get(await budgetOwnerIdOf(ctx, 'read'), split.id);
    return (await this.service.partsOf(row)).map(toTransaction);
  }
}
