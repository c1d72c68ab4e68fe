import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BillInput, Plan as EnginePlan } from '@pace/engine';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Money, toMoney } from '../../graphql/money.type';
import { CurrencyCodeScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import { RolloverSetting } from './budget.input';
import { largeTransactionThresholdOf } from './large-transaction.rules';
import type { BudgetPlanRow, BudgetSettingsRow } from './budget.table';
import type { CategoryEntry } from './plan.service';
import { IncomeBandGql } from '../analytics';
import { CategoryPriority } from './budget-category.type';
import { CategoryBehaviourSetting } from './category.input';

/** Where a line of a month plan comes from (the engine's plan category source). */
export enum PlanCategorySource {
  BILL = 'bill',
  SAVINGS = 'savings',
  GOAL = 'goal',
  TARGET = 'target',
  USER = 'user',
  FLEX = 'flex',
}
registerEnumType(PlanCategorySource, {
  name: 'PlanCategorySource',
  description: 'Where a line of a month plan comes from.',
  valuesConfig: {
    BILL: { description: 'A fixed monthly bill of the budget settings.' },
    SAVINGS: { description: 'The savings reservation.' },
    GOAL: { description: 'A reservation for one of the person’s goals.' },
    TARGET: { description: 'A spending target (groceries, transport, dining out …).' },
    USER: { description: 'A category the person made.' },
    FLEX: { description: 'Flex, the buffer: what is left after everything else.' },
  },
});

@ObjectType({ description: 'A category of a month plan and its month amount.' })
export class PlanCategory {
  @Field(() => ID, {
    description: 'The category id transactions are booked on (built-in, user-made, bill or goal).',
  })
  id!: string;

  @Field(() => String, { description: 'Its display name.' })
  name!: string;

  @Field(() => String, {
    description: 'fixed, spread or clustered.',
    deprecationReason: 'Use categoryBehaviour. Removal after 2027-06-30.',
  })
  behaviour!: string;

  @Field(() => String, {
    description: 'sacred, protected, flexible, discretionary or buffer (Flex).',
    deprecationReason: 'Use categoryPriority. Removal after 2027-06-30.',
  })
  priority!: string;

  @Field(() => String, {
    description: 'bill, savings, goal, target, user or flex.',
    deprecationReason: 'Use origin. Removal after 2027-06-30.',
  })
  source!: string;

  @Field(() => CategoryBehaviourSetting, {
    description: 'How its month amount is laid over the days.',
  })
  get categoryBehaviour(): CategoryBehaviourSetting {
    return this.behaviour as CategoryBehaviourSetting;
  }

  @Field(() => CategoryPriority, {
    description: 'Which categories give first when another overspends (BUFFER for Flex).',
  })
  get categoryPriority(): CategoryPriority {
    return this.priority as CategoryPriority;
  }

  @Field(() => PlanCategorySource, { description: 'Where this line of the plan comes from.' })
  get origin(): PlanCategorySource {
    return this.source as PlanCategorySource;
  }

  @Field(() => Money, {
    description: 'The month amount, in the budget currency (prorated for a plan made mid-month).',
  })
  amount!: Money;
}

@ObjectType({
  description:
    'How the plan places the income: fixed + savings + goals + targets + Flex = planned.',
})
export class PlanTotals {
  @Field(() => Money, { description: 'Monthly income plus additional income.' })
  income!: Money;
  @Field(() => Money, { description: 'Everything placed: the sum of every category’s amount.' })
  planned!: Money;
  @Field(() => Money, { description: 'Fixed bills.' })
  fixed!: Money;
  @Field(() => Money, { description: 'The savings reservation (after any lowering to fit).' })
  savings!: Money;
  @Field(() => Money, { description: 'Reservations for the person’s goals.' })
  goals!: Money;
  @Field(() => Money, { description: 'Spending targets (groceries, transport, dining out …).' })
  targets!: Money;
  @Field(() => Money, { description: 'Flex, the buffer: what is left after everything else.' })
  flex!: Money;
}

@ObjectType({ description: 'Something the plan changed or assumed that the person should know.' })
export class PlanNotice {
  @Field(() => String, {
    description:
      'SAVINGS_CLAMPED, GOAL_RESERVATION_CLAMPED, TARGETS_SCALED_DOWN, PLAN_PRORATED, BILL_DUE_DAY_MOVED, INSURANCE_FROM_BILLS, NO_REGIONAL_PROFILE or REGION_DEFAULTED.',
  })
  code!: string;
  @Field(() => String, { description: 'An English explanation (translate by `code`).' })
  message!: string;
}

@ObjectType({ description: 'A month plan: per category, per day allocations.' })
export class Plan {
  @Field(() => ID, { description: 'The plan’s id.' })
  id!: string;
  @Field(() => YearMonthScalar, { description: 'The month it plans, in the budget’s time zone.' })
  month!: string;
  @Field(() => CurrencyCodeScalar, { description: 'The budget currency of every amount.' })
  currency!: string;
  @Field(() => String, {
    description: 'The IANA time zone the plan’s days are counted in (the budget’s).',
  })
  timeZone!: string;
  @Field(() => String, {
    description: 'Income tier from annual income: low, lower_middle, middle, upper_middle or high.',
    deprecationReason: 'Use incomeTier. Removal after 2027-06-30.',
  })
  tier!: string;
  @Field(() => IncomeBandGql, {
    description: 'The income tier from annual income, which sets the plan’s shares.',
  })
  get incomeTier(): IncomeBandGql {
    return this.tier as IncomeBandGql;
  }
  @Field(() => LocalDateScalar, {
    description: 'The plan’s first day (today for a plan made mid-month).',
  })
  startsOn!: string;
  @Field(() => PlanTotals, { description: 'How the income is placed.' })
  totals!: PlanTotals;
  @Field(() => [PlanCategory], { description: 'Every category of the plan with its month amount.' })
  categories!: PlanCategory[];
  @Field(() => [PlanNotice], { description: 'What the plan changed or assumed; may be empty.' })
  notices!: PlanNotice[];
  @Field(() => Int, {
    description: 'Grows by one each time the plan is remade; send it as `baseVersion`.',
  })
  version!: number;
  @Field(() => Date, { description: 'When the plan was made or last remade.' })
  updatedAt!: Date;
  @Field(() => GraphQLJSONObject, {
    description: 'The engine’s plan, for computing the month on a device.',
  })
  document!: Record<string, unknown>;
}

@ObjectType({ description: 'A fixed monthly bill: the whole amount on its due day.' })
export class Bill {
  @Field(() => String, { description: 'What the bill is for.' })
  name!: string;
  @Field(() => Money, { description: 'The monthly amount, in the budget currency.' })
  amount!: Money;
  @Field(() => Int, {
    nullable: true,
    description:
      'Day of the month it is due (1–31; past the month’s end it is the last day); null: the category’s default (day 1 for rent, mortgage and school fees, else day 5).',
  })
  dueDay!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The built-in category it was given; null when resolved from its name.',
  })
  categoryId!: string | null;
}

@ObjectType({ description: 'What the plans are made from.' })
export class BudgetSettings {
  @Field(() => CurrencyCodeScalar, {
    description: 'The budget currency: every amount of the budget is in it.',
  })
  currency!: string;
  @Field(() => String, {
    description:
      'The budget’s IANA time zone: today, local days and month boundaries are counted in it.',
  })
  timeZone!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Region profile (ISO 3166, e.g. US-CA); null: chosen by currency.',
  })
  region!: string | null;
  @Field(() => Money, { description: 'Monthly income.' })
  income!: Money;
  @Field(() => Money, { description: 'Other monthly income, added to income (zero if none).' })
  additionalIncome!: Money;
  @Field(() => Money, { description: 'Monthly savings target (zero if none).' })
  savingsTarget!: Money;
  @Field(() => [Bill], { description: 'Fixed monthly bills.' })
  bills!: Bill[];
  @Field(() => RolloverSetting, { description: 'Where a finished day’s underspend goes.' })
  rollover!: RolloverSetting;
  @Field(() => Boolean, {
    description:
      'Whether each month’s close moves what the month left unspent into active goals by priority (a transfer per goal on the next month’s first day).',
  })
  surplusToGoals!: boolean;
  @Field(() => Money, {
    nullable: true,
    description:
      'Expenses above it send a large-transaction alert: the person’s own, else the currency’s default; null when the currency has none.',
  })
  largeTransactionThreshold!: Money | null;
  @Field(() => Int, {
    description: 'Grows by one with each change; send it as `baseVersion` to update.',
  })
  version!: number;
  @Field(() => Date, { description: 'When the settings last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A category to book on.' })
export class Category {
  @Field(() => ID, { description: 'The id to book transactions on.' })
  id!: string;
  @Field(() => String, { description: 'Its display name.' })
  name!: string;
  @Field(() => String, {
    description: 'fixed, spread or clustered: how its month amount is laid over the days.',
    deprecationReason: 'Use categoryBehaviour. Removal after 2027-06-30.',
  })
  behaviour!: string;
  @Field(() => String, {
    description:
      'sacred, protected, flexible, discretionary or buffer (Flex): which categories give first when another overspends.',
    deprecationReason: 'Use categoryPriority. Removal after 2027-06-30.',
  })
  priority!: string;
  @Field(() => CategoryBehaviourSetting, {
    description: 'How its month amount is laid over the days.',
  })
  get categoryBehaviour(): CategoryBehaviourSetting {
    return this.behaviour as CategoryBehaviourSetting;
  }
  @Field(() => CategoryPriority, {
    description: 'Which categories give first when another overspends (BUFFER for Flex).',
  })
  get categoryPriority(): CategoryPriority {
    return this.priority as CategoryPriority;
  }
  @Field(() => Money, { description: 'This month’s planned amount (zero when not in the plan).' })
  monthly!: Money;
  @Field(() => Boolean, { description: 'Whether this month’s plan has the category.' })
  isInPlan!: boolean;
}

export function toPlan(row: BudgetPlanRow): Plan {
  const plan: EnginePlan = row.plan;
  const money = (minor: number) => toMoney(minor, plan.currency);
  return Object.assign(new Plan(), {
    id: row.id,
    month: plan.month,
    currency: plan.currency,
    timeZone: plan.timeZone,
    tier: plan.tier,
    startsOn: plan.startsOn,
    totals: Object.assign(new PlanTotals(), {
      income: money(plan.totals.incomeMinor),
      planned: money(plan.totals.plannedMinor),
      fixed: money(plan.totals.fixedMinor),
      savings: money(plan.totals.savingsMinor),
      goals: money(plan.totals.goalsMinor),
      targets: money(plan.totals.targetsMinor),
      flex: money(plan.totals.flexMinor),
    }),
    categories: plan.categories.map((c) =>
      Object.assign(new PlanCategory(), {
        id: c.id,
        name: c.name,
        behaviour: c.behaviour,
        priority: c.priority,
        source: c.source,
        amount: money(c.amountMinor),
      }),
    ),
    notices: plan.notices.map((n) =>
      Object.assign(new PlanNotice(), { code: n.code, message: n.message }),
    ),
    version: row.version,
    updatedAt: row.updatedAt,
    document: plan as unknown as Record<string, unknown>,
  });
}

const toBill = (bill: BillInput, currency: string): Bill =>
  Object.assign(new Bill(), {
    name: bill.name,
    amount: toMoney(bill.amountMinor, currency),
    dueDay: bill.dueDay ?? null,
    categoryId: bill.categoryId ?? null,
  });

export function toBudgetSettings(row: BudgetSettingsRow): BudgetSettings {
  const s = row.planSettings;
  return Object.assign(new BudgetSettings(), {
    currency: row.currency,
    timeZone: row.timeZone,
    region: s.region ?? null,
    income: toMoney(s.incomeMinor, row.currency),
    additionalIncome: toMoney(s.additionalIncomeMinor ?? 0, row.currency),
    savingsTarget: toMoney(s.savingsTargetMinor ?? 0, row.currency),
    bills: (s.bills ?? []).map((b) => toBill(b, row.currency)),
    rollover: row.rollover as RolloverSetting,
    surplusToGoals: s.surplusToGoals === true,
    largeTransactionThreshold: ((threshold) =>
      threshold === null ? null : toMoney(threshold, row.currency))(
      largeTransactionThresholdOf(row),
    ),
    version: row.version,
    updatedAt: row.updatedAt,
  });
}

export function toCategory(entry: CategoryEntry, currency: string): Category {
  return Object.assign(new Category(), {
    ...entry,
    monthly: toMoney(entry.monthlyMinor, currency),
  });
}
