import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import type { GraphQLContext } from '../../graphql/context';
import { ConnectionArgs, connectionFromList, type Connection } from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { budgetActorOf, budgetOwnerIdOf } from '../households';
import type { RecurringService } from './recurring.service';
import {
  ScheduleRecurringTransactionPayload,
  StopRecurringTransactionPayload,
} from './recurring-payloads.type';
import {
  CreateRecurringTransactionInput,
  RecurringTransaction,
  toRecurringTransaction,
  RecurringTransactionConnection,
  toUpcomingOccurrence,
  UpcomingRecurringOccurrence,
  UpdateRecurringTransactionInput,
  UpdateRecurringTransactionPayload,
} from './recurring.type';

@Resolver()
export class RecurringResolver {
  constructor(private readonly recurring: RecurringService) {}

  @RequireScopes('write:transactions')
  @Mutation(() => RecurringTransaction, {
    description:
      'Creates a recurring expense (idempotent by id) and posts the occurrences already due.',
    deprecationReason: 'Use scheduleRecurringTransaction. Removal after 2027-06-30.',
  })
  async createRecurringTransaction(
    @Arg('input', () => CreateRecurringTransactionInput, {
      description: 'The schedule and what each occurrence books.',
    })
    input: CreateRecurringTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecurringTransaction> {
    const actor = await budgetActorOf(ctx, 'write');
    return toRecurringTransaction(
      await this.recurring.create(actor.ownerId, { ...input, memberId: actor.memberId }),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => RecurringTransaction, {
    description:
      'Stops a recurring expense after lastOn (default: today); what was posted stays in the ledger.',
    deprecationReason: 'Use stopRecurringTransaction. Removal after 2027-06-30.',
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
    return toRecurringTransaction(
      await this.recurring.end(await budgetOwnerIdOf(ctx, 'write'), id, lastOn),
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => ScheduleRecurringTransactionPayload, {
    description:
      'Creates a recurring expense (idempotent by id) and posts the occurrences already due.',
  })
  async scheduleRecurringTransaction(
    @Arg('input', () => CreateRecurringTransactionInput, {
      description: 'The schedule and what each occurrence books.',
    })
    input: CreateRecurringTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScheduleRecurringTransactionPayload> {
    const recurringTransaction = await this.createRecurringTransaction(input, ctx);
    return Object.assign(new ScheduleRecurringTransactionPayload(), { recurringTransaction });
  }

  @RequireScopes('write:transactions')
  @Mutation(() => StopRecurringTransactionPayload, {
    description:
      'Stops a recurring expense after lastOn (default: today); what was posted stays in the ledger.',
  })
  async stopRecurringTransaction(
    @Arg('id', () => ID, { description: 'The recurring transaction’s id.' }) id: string,
    @Arg('lastOn', () => LocalDateScalar, {
      nullable: true,
      description:
        'The last local day an occurrence may fall on; today (budget time zone) when absent. An earlier end already set is kept.',
    })
    lastOn: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StopRecurringTransactionPayload> {
    const recurringTransaction = await this.endRecurringTransaction(id, lastOn ?? null, ctx);
    return Object.assign(new StopRecurringTransactionPayload(), { recurringTransaction });
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
    return (await this.recurring.list(await budgetOwnerIdOf(ctx, 'read'))).map(
      toRecurringTransaction,
    );
  }

  @RequireScopes('write:transactions')
  @Mutation(() => UpdateRecurringTransactionPayload, {
    description:
      'Changes a recurring expense from a date on. Occurrences before `from` keep the old rule and posted ones never change; the rule is split in two (the old one ends the day before `from`), or changed in place when nothing was posted and `from` is on or before its first day. Occurrences of the new rule already due post at once. A replay with the same input applies the same change again. A `from` on or before `postedThrough`: CONFLICT (reason RECURRING_HISTORY_LOCKED).',
  })
  async updateRecurringTransaction(
    @Arg('input', () => UpdateRecurringTransactionInput, {
      description: 'The id, the first day of the change, and the fields that change.',
    })
    input: UpdateRecurringTransactionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpdateRecurringTransactionPayload> {
    const { current, previous } = await this.recurring.updateFrom(
      await budgetOwnerIdOf(ctx, 'write'),
      input,
    );
    return Object.assign(new UpdateRecurringTransactionPayload(), {
      recurringTransaction: toRecurringTransaction(current),
      previous: previous ? toRecurringTransaction(previous) : null,
    });
  }

  @RequireScopes('read:transactions')
  @Query(() => [UpcomingRecurringOccurrence], {
    description:
      'Every occurrence of the viewer’s recurring expenses not posted yet, from today through today + days − 1 (local dates, budget time zone), by date, each with what it does to that day’s budget (computed by the engine, nothing stored). Money is exact, in the budget currency.',
  })
  async upcomingRecurring(
    @Arg('days', () => Int, {
      defaultValue: 30,
      description: 'How many days to look ahead, today included (1–366; 30 by default).',
    })
    days: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UpcomingRecurringOccurrence[]> {
    return (await this.recurring.listUpcoming(await budgetOwnerIdOf(ctx, 'read'), days)).map(
      toUpcomingOccurrence,
    );
  }
}
