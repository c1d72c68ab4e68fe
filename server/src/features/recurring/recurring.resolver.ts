import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, connectionFromList, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { RecurringService } from './recurring.service';
import {
  CreateRecurringTransactionInput,
  RecurringTransaction,
  toRecurringTransaction,
  RecurringTransactionConnection,
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
    @Arg('input', () => CreateRecurringTransactionInput, {
      description: 'The schedule and what each occurrence books.',
    })
    input: CreateRecurringTransactionInput,
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
    @Arg('id', () => ID, { description: 'The recurring transaction’s id.' }) id: string,
    @Arg('lastOn', () => LocalDateScalar, {
      nullable: true,
      description:
        'The last local day an occurrence may fall on; today (budget time zone) when absent. An earlier end already set is kept.',
    })
    lastOn: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecurringTransaction> {
    return toRecurringTransaction(await this.recurring.end(viewerIdOf(ctx), id, lastOn));
  }

  @RequireScopes('read:transactions')
  @Query(() => RecurringTransactionConnection, {
    description:
      'The viewer’s recurring expenses, ended ones included, by first day (then id), a page at a time.',
  })
  async recurringTransactionsConnection(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<RecurringTransaction>> {
    return connectionFromList(await this.recurringTransactions(ctx), page, {
      key: (recurring) => [recurring.startOn, recurring.id],
      keyLength: 2,
    });
  }

  @RequireScopes('read:transactions')
  @Query(() => [RecurringTransaction], {
    description: 'The viewer’s recurring expenses, ended ones included.',
    deprecationReason: 'Use recurringTransactionsConnection. Removal after 2027-06-30.',
  })
  async recurringTransactions(@Ctx() ctx: GraphQLContext): Promise<RecurringTransaction[]> {
    return (await this.recurring.list(viewerIdOf(ctx))).map(toRecurringTransaction);
  }
}
