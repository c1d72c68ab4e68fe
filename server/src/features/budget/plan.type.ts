import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { BillInput, Plan as EnginePlan } from '@pace/engine';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Money, toMoney } from '../../graphql/money.type';
import { CurrencyCodeScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import { RolloverSetting } from './budget.input';
import { largeTransactionThresholdOf } from './large-transaction.rules';
import type { BudgetPlanRow, BudgetSettingsRow } from './budget.table';
import type { CategoryEntry } from './plan.service';

@ObjectType()
export class PlanCategory {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'fixed, spread or clustered.' })
  behaviour!: string;

  @Field(() => String, {
    description: 'sacred, protected, flexible, discretionary or buffer (Flex).',
  })
  priority!: string;

  @Field(() => String, { description: 'bill, savings, goal, target, user or flex.' })
  source!: string;

  @Field(() => Money, { description: 'The month amount.' })
  amount!: Money;
}

@ObjectType({
  description:
    'How the plan places the income: fixed + savings + goals + targets + Flex = planned.',
})
export class PlanTotals {
  @Field(() => Money) income!: Money;
  @Field(() => Money) planned!: Money;
  @Field(() => Money) fixed!: Money;
  @Field(() => Money) savings!: Money;
  @Field(() => Money) goals!: Money;
  @Field(() => Money) targets!: Money;
  @Field(() => Money) flex!: Money;
}

@ObjectType()
export class PlanNotice {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'A month plan: per category, per day allocations.' })
export class Plan {
  @Field(() => ID) id!: string;
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => CurrencyCodeScalar) currency!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => String) tier!: string;
  @Field(() => LocalDateScalar, {
    description: 'The plan’s first day (today for a plan made mid-month).',
  })
  startsOn!: string;
  @Field(() => PlanTotals) totals!: PlanTotals;
  @Field(() => [PlanCategory]) categories!: PlanCategory[];
  @Field(() => [PlanNotice]) notices!: PlanNotice[];
  @Field(() => Int) version!: number;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => GraphQLJSONObject, {
    description: 'The engine’s plan, for computing the month on a device.',
  })
  document!: Record<string, unknown>;
}

@ObjectType()
export class Bill {
  @Field(() => String) name!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => Int, { nullable: true }) dueDay!: number | null;
  @Field(() => String, { nullable: true }) categoryId!: string | null;
}

@ObjectType({ description: 'What the plans are made from.' })
export class BudgetSettings {
  @Field(() => CurrencyCodeScalar) currency!: string;
  @Field(() => String) timeZone!: string;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => Money) income!: Money;
  @Field(() => Money) additionalIncome!: Money;
  @Field(() => Money) savingsTarget!: Money;
  @Field(() => [Bill]) bills!: Bill[];
  @Field(() => RolloverSetting) rollover!: RolloverSetting;
  @Field(() => Money, {
    nullable: true,
    description:
      'Expenses above it send a large-transaction alert: the person’s own, else the currency’s default; null when the currency has none.',
  })
  largeTransactionThreshold!: Money | null;
  @Field(() => Int) version!: number;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType({ description: 'A category to book on.' })
export class Category {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) behaviour!: string;
  @Field(() => String) priority!: string;
  @Field(() => Money, { description: 'This month’s planned amount (zero when not in the plan).' })
  monthly!: Money;
  @Field(() => Boolean) isInPlan!: boolean;
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
