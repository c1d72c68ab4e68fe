import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { RecurringService } from './recurring.service';
import {
  CreateRecurringTransactionInput,
  RecurringTransaction,
  toRecurringTransaction,
} from './recurring.type';

@Resolver()
export class RecurringResolver {
  constructor(private readonly recurring: RecurringService) {}

  @RequireScopes('write:transactions')
  @Mutation(() => RecurringTransaction, {
    description:
      'Creates a recurring expense (idempotent by id) and posts the occurrences already due.',
  })
  async createRecurringTransaction(
    @Arg('input', () => CreateRecurringTransactionInput) input: CreateRecurringTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecurringTransaction> {
    return toRecurringTransaction(await this.recurring.create(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => RecurringTransaction, {
    description:
      'Stops a recurring expense after lastOn (default: today); what was posted stays in the ledger.',
  })
  async endRecurringTransaction(
    @Arg('id', () => ID) id: string,
    @Arg('lastOn', () => LocalDateScalar, { nullable: true }) lastOn: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecurringTransaction> {
    return toRecurringTransaction(await this.recurring.end(viewerIdOf(ctx), id, lastOn));
  }

  @RequireScopes('read:transactions')
  @Query(() => [RecurringTransaction])
  async recurringTransactions(@Ctx() ctx: GraphQLContext): Promise<RecurringTransaction[]> {
    return (await this.recurring.list(viewerIdOf(ctx))).map(toRecurringTransaction);
  }
}
