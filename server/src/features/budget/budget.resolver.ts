import {
  Arg,
  Ctx,
  Field,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import { RequireScopes } from '../../graphql/scopes';
import { subscriberIdOf } from '../../graphql/viewer';
import { budgetOwnerIdOf } from '../households';
import type { AdjustmentService } from './adjustment.service';
import type { TransactionAlertService } from './alert.service';
import type { BudgetQueryService } from './budget-query.service';
import type { CategoryService } from './category.service';
import {
  BudgetDay,
  BudgetMonth,
  BudgetUpdate,
  namesOf,
  toBudgetDay,
  toBudgetMonth,
  toBudgetUpdate,
} from './budget-month.type';
import type { BudgetUpdatedEvent } from './budget.events';
import {
  CompleteOnboardingInput,
  RegeneratePlanInput,
  UpdatePlanSettingsInput,
} from './budget.input';
import {
  BudgetMonthSummary,
  CalendarMonth,
  Checkpoint,
  toBudgetMonthSummary,
  toCalendarMonth,
  toCheckpoint,
} from './budget-history.type';
import { Dashboard, toDashboard } from './dashboard.type';
import type { BudgetMonthService } from './month.service';
import type { PlanService } from './plan.service';
import { BudgetSettings, Category, Plan, toBudgetSettings, toCategory, toPlan } from './plan.type';
import { BudgetCategory, toBudgetCategory } from './budget-category.type';

export interface BudgetServices {
  plans: PlanService;
  queries: BudgetQueryService;
  months: BudgetMonthService;
  categories: CategoryService;
  alerts: TransactionAlertService;
  adjustments: AdjustmentService;
}

@ObjectType({ description: 'The outcome of onboarding: the budget settings and the first plan.' })
export class OnboardingPayload {
  @Field(() => BudgetSettings, { description: 'The budget settings as stored.' })
  settings!: BudgetSettings;
  @Field(() => Plan, {
    nullable: true,
    description: 'The current month’s plan; null only when a replay finds the month has none.',
  })
  plan!: Plan | null;
  @Field(() => Boolean, {
    description: 'True when onboarding had already been completed: nothing changed.',
  })
  alreadyCompleted!: boolean;
}

@ObjectType({ description: 'The outcome of changing the plan settings.' })
export class PlanSettingsPayload {
  @Field(() => BudgetSettings, {
    description: 'The settings as stored now (the current ones after a conflict).',
  })
  settings!: BudgetSettings;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale: nothing changed, the current settings are returned.',
  })
  conflict!: boolean;
}

@ObjectType({ description: 'The outcome of remaking this month’s plan.' })
export class RegeneratePlanPayload {
  @Field(() => Plan, { description: 'The plan as stored now (the current one after a conflict).' })
  plan!: Plan;
  @Field(() => Boolean, {
    description: 'True when baseVersion was stale: nothing changed, the current plan is returned.',
  })
  conflict!: boolean;
}

@Resolver()
export class BudgetResolver {
  constructor(private readonly budget: BudgetServices) {}

  @RequireScopes('manage:budget')
  @Mutation(() => OnboardingPayload, {
    description: 'Creates the budget settings and the first plan; idempotent.',
  })
  async completeOnboarding(
    @Arg('input', () => CompleteOnboardingInput, {
      description: 'What the first plan is made from.',
    })
    input: CompleteOnboardingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OnboardingPayload> {
    const result = await this.budget.plans.completeOnboarding(
      await budgetOwnerIdOf(ctx, 'write'),
      input,
    );
    return Object.assign(new OnboardingPayload(), {
      settings: toBudgetSettings(result.settings),
      plan: result.plan && toPlan(result.plan),
      alreadyCompleted: result.alreadyCompleted,
    });
  }

  @RequireScopes('manage:budget')
  @Mutation(() => PlanSettingsPayload, {
    description:
      'Changes the plan settings, unless `baseVersion` is stale (then `conflict`). The plans of coming months use them; `regeneratePlan` applies them to this month.',
  })
  async updatePlanSettings(
    @Arg('input', () => UpdatePlanSettingsInput, { description: 'The settings to change.' })
    input: UpdatePlanSettingsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlanSettingsPayload> {
    const result = await this.budget.plans.updatePlanSettings(
      await budgetOwnerIdOf(ctx, 'write'),
      input,
    );
    return Object.assign(new PlanSettingsPayload(), {
      settings: toBudgetSettings(result.settings),
      conflict: result.conflict,
    });
  }

  @RequireScopes('manage:budget')
  @Mutation(() => RegeneratePlanPayload, {
    description:
      'Remakes this month’s plan from the current settings, from today on; past days keep their allocations.',
  })
  async regeneratePlan(
    @Arg('input', () => RegeneratePlanInput, {
      description: 'The version the request is based on.',
    })
    input: RegeneratePlanInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RegeneratePlanPayload> {
    const result = await this.budget.plans.regeneratePlan(
      await budgetOwnerIdOf(ctx, 'write'),
      input,
    );
    return Object.assign(new RegeneratePlanPayload(), {
      plan: toPlan(result.plan),
      conflict: result.conflict,
    });
  }

  @RequireScopes('read:budget')
  @Query(() => BudgetSettings, { nullable: true, description: 'Null before onboarding.' })
  async budgetSettings(@Ctx() ctx: GraphQLContext): Promise<BudgetSettings | null> {
    const settings = await this.budget.plans.findSettings(await budgetOwnerIdOf(ctx, 'read'));
    return settings && toBudgetSettings(settings);
  }

  @RequireScopes('read:budget')
  @Query(() => Plan, {
    nullable: true,
    description: 'The plan of a month (default: the current one); null before onboarding.',
  })
  async plan(
    @Arg('month', () => YearMonthScalar, {
      nullable: true,
      description: 'The month; the current one (in the budget’s time zone) when absent.',
    })
    month: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Plan | null> {
    const plan = await this.budget.plans.findPlan(await budgetOwnerIdOf(ctx, 'read'), month);
    return plan && toPlan(plan);
  }

  @RequireScopes('read:budget')
  @Query(() => [BudgetCategory], {
    description:
      'This month’s plan categories, then the viewer’s own, then the other built-in ones (a few dozen at most, so a plain list).',
  })
  async budgetCategories(@Ctx() ctx: GraphQLContext): Promise<BudgetCategory[]> {
    const settings = await this.budget.plans.getSettings(await budgetOwnerIdOf(ctx, 'read'));
    return (await this.budget.plans.listCategories(settings.userId)).map((c) =>
      toBudgetCategory(settings.userId, c, settings.currency),
    );
  }

  @RequireScopes('read:budget')
  @Query(() => [Category], {
    description:
      'This month’s plan categories, then the viewer’s own, then the other built-in ones.',
    deprecationReason: 'Use budgetCategories. Removal after 2027-06-30.',
  })
  async categories(@Ctx() ctx: GraphQLContext): Promise<Category[]> {
    const settings = await this.budget.plans.getSettings(await budgetOwnerIdOf(ctx, 'read'));
    return (await this.budget.plans.listCategories(settings.userId)).map((c) =>
      toCategory(c, settings.currency),
    );
  }

  @RequireScopes('read:budget')
  @Query(() => BudgetDay, {
    description: 'One local day of the budget: allocation, spending and status per category.',
  })
  async budgetDay(
    @Arg('date', () => LocalDateScalar, { description: 'The day, in the budget’s time zone.' })
    date: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetDay> {
    const { snapshot, day } = await this.budget.queries.getDay(
      await budgetOwnerIdOf(ctx, 'read'),
      date,
    );
    return toBudgetDay(day, {
      currency: snapshot.currency,
      month: snapshot.month,
      names: namesOf(snapshot.categories),
    });
  }

  @RequireScopes('read:budget')
  @Query(() => BudgetMonth, {
    description:
      'A month of the budget computed from its plan and the ledger: per category, per day, with the moves that explain each allocation.',
  })
  async budgetMonth(
    @Arg('month', () => YearMonthScalar, { description: 'The month, in the budget’s time zone.' })
    month: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetMonth> {
    return toBudgetMonth(
      await this.budget.queries.getMonth(await budgetOwnerIdOf(ctx, 'read'), month),
    );
  }

  @RequireScopes('read:budget')
  @Query(() => [BudgetMonthSummary], {
    description: 'Months from `from` to `to` (at most 24) that have a plan, oldest first.',
  })
  async budgetHistory(
    @Arg('from', () => YearMonthScalar, { description: 'The first month (inclusive).' })
    from: string,
    @Arg('to', () => YearMonthScalar, {
      description: 'The last month (inclusive); not before `from`, at most 24 months on.',
    })
    to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BudgetMonthSummary[]> {
    return (
      await this.budget.queries.listHistory(await budgetOwnerIdOf(ctx, 'read'), from, to)
    ).map(toBudgetMonthSummary);
  }

  @RequireScopes('read:budget')
  @Query(() => CalendarMonth, {
    description: 'Per day: allocation, spending and status, for a calendar view.',
  })
  async calendarMonth(
    @Arg('month', () => YearMonthScalar, { description: 'The month, in the budget’s time zone.' })
    month: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CalendarMonth> {
    const { snapshot, days } = await this.budget.queries.getCalendar(
      await budgetOwnerIdOf(ctx, 'read'),
      month,
    );
    return toCalendarMonth(snapshot, days);
  }

  @RequireScopes('read:budget')
  @Query(() => Checkpoint, {
    description: 'One day’s state per category and the month’s deficit so far.',
  })
  async checkpoint(
    @Arg('date', () => LocalDateScalar, { description: 'The day, in the budget’s time zone.' })
    date: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Checkpoint> {
    return toCheckpoint(
      await this.budget.queries.getCheckpoint(await budgetOwnerIdOf(ctx, 'read'), date),
    );
  }

  @RequireScopes('read:budget')
  @Query(() => Dashboard, {
    description:
      'The home screen: today per category, the month, pace, alerts, recent transactions.',
  })
  async dashboard(@Ctx() ctx: GraphQLContext): Promise<Dashboard> {
    return toDashboard(await this.budget.queries.getDashboard(await budgetOwnerIdOf(ctx, 'read')));
  }

  @RequireScopes('read:budget')
  @Subscription(() => BudgetUpdate, {
    description: 'Each recomputation of one of the viewer’s months, from whichever node wrote.',
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      return ctx.services.budget.months.subscribe(subscriberIdOf(ctx, ['read:budget']));
    },
  })
  budgetUpdated(@Root() event: BudgetUpdatedEvent): BudgetUpdate {
    return toBudgetUpdate(event);
  }
}
