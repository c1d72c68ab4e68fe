import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import { Dashboard } from '../budget';
import type { TransactionListService } from './transaction-list.service';
import {
  CreateTransactionInput,
  QuickExpenseInput,
  TransactionFilter,
  UpdateTransactionInput,
} from './transaction.input';
import type { TransactionService } from './transaction.service';
import {
  Transaction,
  TransactionConnection,
  TransactionPayload,
  toTransaction,
  toTransactionConnection,
  toTransactionPayload,
} from './transaction.type';

export interface TransactionServices {
  writes: TransactionService;
  reads: TransactionListService;
}

@Resolver()
export class TransactionResolver {
  constructor(private readonly services: TransactionServices) {}

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload)
  async createTransaction(
    @Arg('input', () => CreateTransactionInput) input: CreateTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(await this.services.writes.create(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload)
  async updateTransaction(
    @Arg('input', () => UpdateTransactionInput) input: UpdateTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(await this.services.writes.update(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload, {
    description: 'Deletes (a tombstone); the month gets its money back.',
  })
  async deleteTransaction(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(await this.services.writes.delete(viewerIdOf(ctx), id));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload)
  async restoreTransaction(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(await this.services.writes.restore(viewerIdOf(ctx), id));
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload)
  async quickExpense(
    @Arg('input', () => QuickExpenseInput) input: QuickExpenseInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(await this.services.writes.quickExpense(viewerIdOf(ctx), input));
  }

  @RequireScopes('read:transactions')
  @Query(() => Transaction)
  async transaction(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Transaction> {
    return toTransaction(await this.services.writes.get(viewerIdOf(ctx), id));
  }

  @RequireScopes('read:transactions')
  @Query(() => TransactionConnection, {
    description: 'Newest first; keyset pages stay stable while others add transactions.',
  })
  async transactions(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TransactionFilter, { nullable: true }) filter: TransactionFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionConnection> {
    return toTransactionConnection(
      await this.services.reads.list(viewerIdOf(ctx), { first, after, filter }),
    );
  }
}

/** The transactions feature's field on the budget's dashboard. */
@Resolver(() => Dashboard)
export class DashboardTransactionsResolver {
  constructor(private readonly services: TransactionServices) {}

  @RequireScopes('read:transactions')
  @FieldResolver(() => [Transaction], { description: 'The latest transactions.' })
  async recentTransactions(
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Transaction[]> {
    return (await this.services.reads.listRecent(viewerIdOf(ctx), Math.min(first, 50))).map(
      toTransaction,
    );
  }
}
