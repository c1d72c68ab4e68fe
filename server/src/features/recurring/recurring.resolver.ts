import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
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

  @RequireScopes('read:transactions')
  @Query(() => [RecurringTransaction])
  async recurringTransactions(@Ctx() ctx: GraphQLContext): Promise<RecurringTransaction[]> {
    return (await this.recurring.list(viewerIdOf(ctx))).map(toRecurringTransaction);
  }
}
