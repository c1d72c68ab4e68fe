import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import {
  ConnectionArgs,
  connectionFromList,
  instantKey,
  type Connection,
} from '../../graphql/relay';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { PlanService } from '../budget';
import { toTransaction, type TransactionService } from '../transactions';
import { goalCategoryOf, type GoalService } from './goal.service';
import { GoalError } from './goal.errors';
import {
  ContributeToGoalInput,
  CreateGoalInput,
  GoalContributionPayload,
  Goal,
  GoalConnection,
  GoalPayload,
  UpdateGoalInput,
  toGoal,
  toGoalPayload,
} from './goal.type';

export interface GoalServices {
  goals: GoalService;
  plans: PlanService;
  /** Contributions are ledger writes (the month is recomputed, devices told). */
  writes: TransactionService;
}

/** Savings goals: read with read:goals, written with write:goals. */
@Resolver()
export class GoalResolver {
  constructor(private readonly services: GoalServices) {}

  @RequireScopes('read:goals')
  @Query(() => GoalConnection, {
    description: 'The viewer’s goals, oldest first (deleted ones left out), a page at a time.',
  })
  async goalsConnection(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<Goal>> {
    return connectionFromList(await this.goals(ctx), page, {
      key: (goal) => [instantKey(goal.createdAt), goal.id],
      keyLength: 2,
    });
  }

  @RequireScopes('read:goals')
  @Query(() => [Goal], {
    description: 'The viewer’s goals, oldest first (deleted ones left out).',
    deprecationReason: 'Use goalsConnection. Removal after 2027-06-30.',
  })
  async goals(@Ctx() ctx: GraphQLContext): Promise<Goal[]> {
    const userId = viewerIdOf(ctx);
    const settings = await this.services.plans.findSettings(userId);
    if (!settings) return [];
    const views = await this.services.goals.list(userId);
    return views.map((view) => toGoal(view, settings.currency));
  }

  @RequireScopes('read:goals')
  @Query(() => Goal, { description: 'One of the viewer’s goals (a deleted one is not found).' })
  async goal(
    @Arg('id', () => ID, { description: 'The goal’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Goal> {
    const userId = viewerIdOf(ctx);
    const view = await this.services.goals.get(userId, id);
    return toGoal(view, (await this.services.plans.getSettings(userId)).currency);
  }

  @RequireScopes('write:goals')
  @Mutation(() => GoalPayload, { description: 'Creates a savings goal; idempotent by id.' })
  async createGoal(
    @Arg('input', () => CreateGoalInput, { description: 'The new goal.' })
    input: CreateGoalInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GoalPayload> {
    return toGoalPayload(await this.services.goals.create(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:goals')
  @Mutation(() => GoalPayload, {
    description: 'Changes a goal unless `baseVersion` is stale or it is deleted (then `conflict`).',
  })
  async updateGoal(
    @Arg('input', () => UpdateGoalInput, { description: 'The goal and its changes.' })
    input: UpdateGoalInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GoalPayload> {
    return toGoalPayload(await this.services.goals.update(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:goals')
  @Mutation(() => GoalPayload, {
    description:
      'Deletes a goal (devices get a tombstone); its contributions stay in the ledger. Deleting twice changes nothing.',
  })
  async deleteGoal(
    @Arg('id', () => ID, { description: 'The goal’s id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GoalPayload> {
    return toGoalPayload(await this.services.goals.delete(viewerIdOf(ctx), id));
  }

  @RequireScopes('write:goals')
  @Mutation(() => GoalContributionPayload, {
    description:
      'Puts money aside for a goal: books an expense on its category (idempotent by input.id). The goal must exist and not be deleted.',
  })
  async contributeToGoal(
    @Arg('input', () => ContributeToGoalInput, { description: 'The goal, amount and day.' })
    input: ContributeToGoalInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GoalContributionPayload> {
    const userId = viewerIdOf(ctx);
    const { row } = await this.services.goals.get(userId, input.goalId);
    const categoryId = goalCategoryOf(row.id);
    const { transaction } = await this.services.writes.create(userId, {
      id: input.id ?? null,
      amount: input.amount,
      categoryId,
      description: input.note ?? row.name,
      bookedOn: input.bookedOn ?? null,
      accountId: input.accountId ?? null,
    });
    // A replayed id must be this goal's contribution, not some other entry of the ledger.
    if (transaction.categoryId !== categoryId)
      throw new GoalError('GOAL_INPUT_INVALID', {
        message: 'This id belongs to another transaction: choose a new UUID.',
      });
    const after = await this.services.goals.get(userId, input.goalId);
    const { currency } = await this.services.plans.getSettings(userId);
    return { goal: toGoal(after, currency), transaction: toTransaction(transaction) };
  }
}
