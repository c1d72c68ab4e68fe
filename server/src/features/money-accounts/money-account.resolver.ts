import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { compareLocalDates } from '@pace/engine';
import type { GraphQLContext } from '../../graphql/context';
import {
  ConnectionArgs,
  connectionFromList,
  instantKey,
  mapConnection,
  type Connection,
} from '../../graphql/relay';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { toMoney } from '../../graphql/money.type';
import { RequireScopes } from '../../graphql/scopes';
import { budgetOwnerIdOf } from '../households';
import { toTransaction } from '../transactions';
import {
  CreateMoneyAccountInput,
  CreateTransferInput,
  UpdateMoneyAccountInput,
  UpdateTransferInput,
} from './money-account.input';
import type { MoneyAccountService, RegisterItem } from './money-account.service';
import {
  AccountEntry,
  AccountEntryConnection,
  type AccountEntryKind,
  MoneyAccount,
  MoneyAccountConnection,
  MoneyAccountPayload,
  NetWorthPoint,
  ReconcileAccountPayload,
  type Transfer,
  TransferConnection,
  TransferPayload,
  toMoneyAccount,
  toMoneyAccountPayload,
  toNetWorthPoints,
  toReconciliation,
  toTransfer,
  toTransferPayload,
} from './money-account.type';
import type { TransferService } from './transfer.service';

export interface MoneyAccountServices {
  accounts: MoneyAccountService;
  transfers: TransferService;
}

function toAccountEntry(item: RegisterItem): AccountEntry {
  const { entry, account } = item;
  return Object.assign(new AccountEntry(), {
    id: entry.id,
    kind: entry.kind as AccountEntryKind,
    on: entry.on,
    change: toMoney(entry.changeMinor, account.currency),
    balanceAfter: toMoney(entry.balanceAfterMinor, account.currency),
    isReconciled:
      account.reconciledThrough !== null &&
      compareLocalDates(entry.on, account.reconciledThrough) <= 0,
    transaction: item.transaction ? toTransaction(item.transaction) : null,
    transfer: item.transfer ? toTransfer(item.transfer) : null,
  });
}

/** Money accounts, transfers, reconciliation and net worth (docs/accounts.md). */
@Resolver()
export class MoneyAccountResolver {
  constructor(private readonly services: MoneyAccountServices) {}

  @RequireScopes('read:transactions')
  @Query(() => MoneyAccountConnection, {
    description:
      'The viewer’s money accounts with their balances, the default account first, then oldest first (archived ones included). Empty before onboarding.',
  })
  async accounts(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<MoneyAccount>> {
    const views = await this.services.accounts.list(await budgetOwnerIdOf(ctx, 'read'));
    return mapConnection(
      connectionFromList(views, page, {
        key: ({ row }) => [row.isDefault ? '0' : '1', instantKey(row.createdAt), row.id],
        keyLength: 3,
      }),
      toMoneyAccount,
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => MoneyAccount, { description: 'One of the viewer’s money accounts.' })
  async account(
    @Arg('id', () => ID, { description: 'The account’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoneyAccount> {
    return toMoneyAccount(await this.services.accounts.get(await budgetOwnerIdOf(ctx, 'read'), id));
  }

  @RequireScopes('read:transactions')
  @Query(() => AccountEntryConnection, {
    description:
      'An account’s register, newest first (by day, then instant, then id): its incomes, expenses and transfers, each with the running balance after it.',
  })
  async accountTransactions(
    @Arg('accountId', () => ID, { description: 'The account’s id.' }) accountId: string,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<AccountEntry>> {
    return mapConnection(
      await this.services.accounts.registerPage(
        await budgetOwnerIdOf(ctx, 'read'),
        accountId,
        page,
      ),
      toAccountEntry,
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => TransferConnection, {
    description:
      'The viewer’s transfers, newest first (by day, then when recorded, then id); deleted ones left out.',
  })
  async transfers(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<Transfer>> {
    const rows = await this.services.transfers.list(await budgetOwnerIdOf(ctx, 'read'));
    return mapConnection(
      connectionFromList(rows, page, {
        key: (row) => [row.transferredOn, instantKey(row.createdAt), row.id],
        keyLength: 3,
        descending: true,
      }),
      toTransfer,
    );
  }

  @RequireScopes('read:transactions')
  @Query(() => [NetWorthPoint], {
    description:
      'Net worth at each month’s last day from `from`’s month through `to` (the last point is `to` itself): the sum of every account’s balance, liabilities negative. At most 120 points.',
  })
  async netWorth(
    @Arg('from', () => LocalDateScalar, { description: 'A day in the first month.' }) from: string,
    @Arg('to', () => LocalDateScalar, { description: 'The last day (on or after from).' })
    to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NetWorthPoint[]> {
    const userId = await budgetOwnerIdOf(ctx, 'read');
    const points = await this.services.accounts.netWorth(userId, from, to);
    const [first] = await this.services.accounts.list(userId);
    return toNetWorthPoints(points, first?.row.currency ?? 'XXX');
  }

  @RequireScopes('write:transactions')
  @Mutation(() => MoneyAccountPayload, {
    description: 'Creates a money account (idempotent by the client id).',
  })
  async createMoneyAccount(
    @Arg('input', () => CreateMoneyAccountInput, { description: 'The account.' })
    input: CreateMoneyAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoneyAccountPayload> {
    return toMoneyAccountPayload(
      await this.services.accounts.create(await budgetOwnerIdOf(ctx, 'write'), input),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => MoneyAccountPayload, {
    description:
      'Renames, re-kinds, changes the opening balance or archives an account unless baseVersion is stale (then `conflict`).',
  })
  async updateMoneyAccount(
    @Arg('input', () => UpdateMoneyAccountInput, { description: 'The account and its changes.' })
    input: UpdateMoneyAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoneyAccountPayload> {
    return toMoneyAccountPayload(
      await this.services.accounts.update(await budgetOwnerIdOf(ctx, 'write'), input),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => ReconcileAccountPayload, {
    description:
      'Checks an account against a statement: stores the check and answers the difference (statement − Pace; zero: reconciled, and the account’s entries up to `on` are marked reconciled).',
  })
  async reconcileAccount(
    @Arg('accountId', () => ID, { description: 'The account checked.' }) accountId: string,
    @Arg('statementBalance', () => DecimalScalar, {
      description: 'The statement’s balance at the end of `on`, exact; negative when owed.',
    })
    statementBalance: string,
    @Arg('on', () => LocalDateScalar, { description: 'The statement’s day.' }) on: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReconcileAccountPayload> {
    const result = await this.services.accounts.reconcile(await budgetOwnerIdOf(ctx, 'write'), {
      accountId,
      statementBalance,
      on,
    });
    return Object.assign(new ReconcileAccountPayload(), {
      reconciliation: toReconciliation(result.reconciliation, result.account.row.currency),
      account: toMoneyAccount(result.account),
    });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransferPayload, {
    description:
      'Moves money between two of the viewer’s accounts (idempotent by the client id); no budget day changes.',
  })
  async createTransfer(
    @Arg('input', () => CreateTransferInput, { description: 'The transfer.' })
    input: CreateTransferInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransferPayload> {
    return toTransferPayload(
      await this.services.transfers.create(await budgetOwnerIdOf(ctx, 'write'), input),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransferPayload, {
    description: 'Changes a transfer unless baseVersion is stale (then `conflict`).',
  })
  async updateTransfer(
    @Arg('input', () => UpdateTransferInput, { description: 'The transfer and its changes.' })
    input: UpdateTransferInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransferPayload> {
    return toTransferPayload(
      await this.services.transfers.update(await budgetOwnerIdOf(ctx, 'write'), input),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => TransferPayload, {
    description: 'Deletes a transfer (a tombstone); deleting a deleted one changes nothing.',
  })
  async deleteTransfer(
    @Arg('id', () => ID, { description: 'The transfer.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TransferPayload> {
    return toTransferPayload(
      await this.services.transfers.delete(await budgetOwnerIdOf(ctx, 'write'), id),
    );
  }
}
