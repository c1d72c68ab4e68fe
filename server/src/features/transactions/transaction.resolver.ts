import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, mapConnection, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { budgetActorOf, budgetOwnerIdOf } from '../households';
import { Dashboard } from '../budget';
import type { TransactionListService } from './transaction-list.service';
import {
  CreateTransactionInput,
  QuickExpenseInput,
  TransactionFilter,
  UpdateTransactionInput,
} from './transaction.input';
import type { TransactionService } from './transaction.service';
import type { TransactionTagService } from './transaction-tag.service';
import {
  Transaction,
  TransactionConnection,
  TransactionListConnection,
  TransactionPayload,
  toTransaction,
  toTransactionConnection,
  toTransactionPayload,
} from './transaction.type';

export interface TransactionServices {
  writes: TransactionService;
  reads: TransactionListService;
  /** The person's tags across the ledger (counts, rename, delete). */
  tags: TransactionTagService;
}

@Resolver()
export class TransactionResolver {
  constructor(private readonly services: TransactionServices) {}

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload, {
    description:
      'Records a transaction and recomputes its month; idempotent by the client id (a replay returns the stored transaction).',
  })
  async createTransaction(
    @Arg('input', () => CreateTransactionInput, { description: 'The transaction.' })
    input: CreateTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    const actor = await budgetActorOf(ctx, 'write');
    return toTransactionPayload(
      await this.services.writes.create(actor.ownerId, { ...input, memberId: actor.memberId }),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload, {
    description:
      'Changes a transaction unless `baseVersion` is stale (then `conflict`); recomputes the months it leaves and enters.',
  })
  async updateTransaction(
    @Arg('input', () => UpdateTransactionInput, { description: 'The transaction and its changes.' })
    input: UpdateTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(
      await this.services.writes.update(await budgetOwnerIdOf(ctx, 'write'), input),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload, {
    description: 'Deletes (a tombstone); the month gets its money back.',
  })
  async deleteTransaction(
    @Arg('id', () => ID, {
      description: 'The transaction; deleting a deleted one changes nothing.',
    })
    id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(
      await this.services.writes.delete(await budgetOwnerIdOf(ctx, 'write'), id),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload, {
    description: 'Brings a deleted transaction back; its month counts it again.',
  })
  async restoreTransaction(
    @Arg('id', () => ID, {
      description: 'The deleted transaction; restoring a live one changes nothing.',
    })
    id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    return toTransactionPayload(
      await this.services.writes.restore(await budgetOwnerIdOf(ctx, 'write'), id),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransactionPayload, {
    description:
      'Records an expense now (today in the budget’s time zone); idempotent by the client id.',
  })
  async quickExpense(
    @Arg('input', () => QuickExpenseInput, { description: 'The amount and an optional note.' })
    input: QuickExpenseInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionPayload> {
    const actor = await budgetActorOf(ctx, 'write');
    return toTransactionPayload(
      await this.services.writes.quickExpense(actor.ownerId, {
        ...input,
        memberId: actor.memberId,
      }),
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => Transaction, {
    description: 'One of the viewer’s transactions, deleted ones included.',
  })
  async transaction(
    @Arg('id', () => ID, { description: 'The transaction’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Transaction> {
    return toTransaction(await this.services.writes.get(await budgetOwnerIdOf(ctx, 'read'), id));
  }

  @RequireScopes('read:transactions')
  @Query(() => TransactionListConnection, {
    description:
      'The viewer’s live transactions, newest first (by booking day, then time, then id), forward with `first`/`after` or backward with `last`/`before`; keyset pages stay stable while transactions are added.',
  })
  async transactionsConnection(
    @Arg('filter', () => TransactionFilter, {
      nullable: true,
      description: 'Which transactions to list; all live ones when absent.',
    })
    filter: TransactionFilter | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<Transaction>> {
    return mapConnection(
      await this.services.reads.connection(await budgetOwnerIdOf(ctx, 'read'), page, filter),
      toTransaction,
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => TransactionConnection, {
    description: 'Newest first; keyset pages stay stable while others add transactions.',
    deprecationReason: 'Use transactionsConnection. Removal after 2027-06-30.',
  })
  async transactions(
    @Arg('first', () => Int, {
      defaultValue: 50,
      description: 'How many transactions to return, at most 200 (larger is read as 200).',
    })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'An `endCursor` (or edge cursor) of an earlier page: start after it.',
    })
    after: string | null,
    @Arg('filter', () => TransactionFilter, {
      nullable: true,
      description: 'Which transactions to list; all live ones when absent.',
    })
    filter: TransactionFilter | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransactionConnection> {
    return toTransactionConnection(
      await this.services.reads.list(await budgetOwnerIdOf(ctx, 'read'), { first, after, filter }),
    );
  }
}

/** The transactions feature's field on the budget's dashboard. */
@Resolver(() => Dashboard)
export class DashboardTransactionsResolver {
  constructor(private readonly services: TransactionServices) {}

  @RequireScopes('read:transactions')
  @FieldResolver(() => [Transaction], {
    description: 'The latest live transactions, newest first.',
  })
  async recentTransactions(
    @Arg('first', () => Int, {
      defaultValue: 5,
      description: 'How many, newest first; at most 50 (larger is read as 50).',
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Transaction[]> {
    return (
      await this.services.reads.listRecent(await budgetOwnerIdOf(ctx, 'read'), Math.min(first, 50))
    ).map(toTransaction);
  }
}
