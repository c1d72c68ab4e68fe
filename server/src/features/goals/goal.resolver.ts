import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { PlanService } from '../budget';
import type { GoalService } from './goal.service';
import {
  CreateGoalInput,
  Goal,
  GoalPayload,
  UpdateGoalInput,
  toGoal,
  toGoalPayload,
} from './goal.type';

export interface GoalServices {
  goals: GoalService;
  plans: PlanService;
}

/** Savings goals: read with read:goals, written with write:goals. */
@Resolver()
export class GoalResolver {
  constructor(private readonly services: GoalServices) {}

  @RequireScopes('read:goals')
  @Query(() => [Goal], { description: 'The viewer’s goals, oldest first (deleted ones left out).' })
  async goals(@Ctx() ctx: GraphQLContext): Promise<Goal[]> {
    const userId = viewerIdOf(ctx);
    const settings = await this.services.plans.findSettings(userId);
    if (!settings) return [];
    const views = await this.services.goals.list(userId);
    return views.map((view) => toGoal(view, settings.currency));
  }

  @RequireScopes('read:goals')
  @Query(() => Goal)
  async goal(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Goal> {
    const userId = viewerIdOf(ctx);
    const view = await this.services.goals.get(userId, id);
    return toGoal(view, (await this.services.plans.getSettings(userId)).currency);
  }

  @RequireScopes('write:goals')
  @Mutation(() => GoalPayload, { description: 'Creates a savings goal; idempotent by id.' })
  async createGoal(
    @Arg('input', () => CreateGoalInput) input: CreateGoalInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GoalPayload> {
    return toGoalPayload(await this.services.goals.create(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:goals')
  @Mutation(() => GoalPayload)
  async updateGoal(
    @Arg('input', () => UpdateGoalInput) input: UpdateGoalInput,
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
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GoalPayload> {
    return toGoalPayload(await this.services.goals.delete(viewerIdOf(ctx), id));
  }
}
