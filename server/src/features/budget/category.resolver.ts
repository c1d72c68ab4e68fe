import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { RequireScopes } from '../../graphql/scopes';
import { YearMonthScalar } from '../../graphql/scalars';
import { subscriberIdOf } from '../../graphql/viewer';
import { budgetOwnerIdOf } from '../households';
import { AdjustBudgetInput, BudgetAdjustment, toBudgetAdjustment } from './adjustment.type';
import { MoveBudgetPayload, UndoBudgetMovePayload } from './adjustment-payloads.type';
import type { TransactionAlertEvent } from './alert.events';
import { TransactionAlert, toTransactionAlert } from './alert.type';
import type { BudgetServices } from './budget.resolver';
import { CreateCategoryInput, UpdateCategoryInput } from './category.input';
import { CategoryPayload, toUserCategory } from './category.type';

/** User-made categories, manual budget moves and the alerts of transaction writes. */
@Resolver()
export class CategoryResolver {
  constructor(private readonly budget: BudgetServices) {}

  @RequireScopes('manage:budget')
  @Mutation(() => CategoryPayload, {
    description: 'Creates a category of the viewer’s own; idempotent by id.',
  })
  async createCategory(
    @Arg('input', () => CreateCategoryInput, { description: 'The new category.' })
    input: CreateCategoryInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CategoryPayload> {
    const result = await this.budget.categories.create(await budgetOwnerIdOf(ctx, 'write'), input);
    return Object.assign(new CategoryPayload(), {
      category: toUserCategory(result.category),
      conflict: result.conflict,
    });
  }

  @RequireScopes('manage:budget')
  @Mutation(() => CategoryPayload, {
    description:
      'Changes a category of the viewer’s own, unless `baseVersion` is stale (then `conflict`).',
  })
  async updateCategory(
    @Arg('input', () => UpdateCategoryInput, { description: 'The category and its changes.' })
    input: UpdateCategoryInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CategoryPayload> {
    const result = await this.budget.categories.update(await budgetOwnerIdOf(ctx, 'write'), input);
    return Object.assign(new CategoryPayload(), {
      category: toUserCategory(result.category),
      conflict: result.conflict,
    });
  }

  @RequireScopes('read:budget')
  @Query(() => [BudgetAdjustment], {
    description: 'The manual moves in force in a month, oldest first (deleted ones are left out).',
  })
  async budgetAdjustments(
    @Arg('month', () => YearMonthScalar, { description: 'The month, in the budget’s time zone.' })
    month: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetAdjustment[]> {
    const userId = await budgetOwnerIdOf(ctx, 'read');
    const rows = await this.budget.adjustments.list(userId, month);
    if (rows.length === 0) return [];
    const { currency } = await this.budget.plans.getSettings(userId);
    return rows.map((row) => toBudgetAdjustment(row, currency));
  }

  @RequireScopes('manage:budget')
  @Mutation(() => BudgetAdjustment, {
    description: 'Moves budget between categories and days of one month; idempotent by id.',
    deprecationReason: 'Use moveBudget. Removal after 2027-06-30.',
  })
  async adjustBudget(
    @Arg('input', () => AdjustBudgetInput, { description: 'What to move, from where to where.' })
    input: AdjustBudgetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetAdjustment> {
    const row = await this.budget.adjustments.adjust(await budgetOwnerIdOf(ctx, 'write'), input);
    return toBudgetAdjustment(row, (await this.budget.plans.getSettings(row.userId)).currency);
  }

  @RequireScopes('manage:budget')
  @Mutation(() => BudgetAdjustment, {
    description: 'Undoes a manual move: the month is recomputed without it.',
    deprecationReason: 'Use undoBudgetMove. Removal after 2027-06-30.',
  })
  async deleteBudgetAdjustment(
    @Arg('id', () => ID, {
      description: 'The move’s id; deleting a deleted move returns it unchanged.',
    })
    id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetAdjustment> {
    const row = await this.budget.adjustments.delete(await budgetOwnerIdOf(ctx, 'write'), id);
    return toBudgetAdjustment(row, (await this.budget.plans.getSettings(row.userId)).currency);
  }

  @RequireScopes('manage:budget')
  @Mutation(() => MoveBudgetPayload, {
    description: 'Moves budget between categories and days of one month; idempotent by id.',
  })
  async moveBudget(
    @Arg('input', () => AdjustBudgetInput, { description: 'What to move, from where to where.' })
    input: AdjustBudgetInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoveBudgetPayload> {
    const budgetAdjustment = await this.adjustBudget(input, ctx);
    return Object.assign(new MoveBudgetPayload(), { budgetAdjustment });
  }

  @RequireScopes('manage:budget')
  @Mutation(() => UndoBudgetMovePayload, {
    description: 'Undoes a manual move: the month is recomputed without it.',
  })
  async undoBudgetMove(
    @Arg('id', () => ID, {
      description: 'The move’s id; undoing a move already undone returns it unchanged.',
    })
    id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UndoBudgetMovePayload> {
    const budgetAdjustment = await this.deleteBudgetAdjustment(id, ctx);
    return Object.assign(new UndoBudgetMovePayload(), { budgetAdjustment });
  }

  @RequireScopes('read:budget')
  @Subscription(() => TransactionAlert, {
    description:
      'Budget levels (80/90/100 %), pace, large transactions and a new deficit caused by the viewer’s writes, from whichever node wrote.',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.budget.alerts.subscribe(subscriberIdOf(ctx, ['read:budget']));
    },
  })
  transactionAlert(@Root() event: TransactionAlertEvent): TransactionAlert {
    return toTransactionAlert(event);
  }
}
