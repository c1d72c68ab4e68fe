import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import { SpendingPaceLevelGql } from '../analytics';
import type { DashboardData } from './budget-query.service';
import {
  BudgetCategoryMonth,
  BudgetDay,
  BudgetMonthTotals,
  namesOf,
  toBudgetCategory,
  toBudgetDay,
  toTotals,
} from './budget-month.type';

@ObjectType({
  description: 'Spending pace of a category (from day 3): watch, warning or critical.',
})
export class CategoryPace {
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => String, {
    description: 'none, watch, warning or critical.',
    deprecationReason: 'Use pace. Removal after 2027-06-30.',
  })
  level!: string;
  @Field(() => SpendingPaceLevelGql, { description: 'How fast the category is being spent.' })
  get pace(): SpendingPaceLevelGql {
    return this.level as SpendingPaceLevelGql;
  }
  @Field(() => Float, { nullable: true, description: 'For display only.' }) ratio!: number | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the plan runs out at this pace.',
  })
  runOutOn!: string | null;
}

@ObjectType({ description: 'A (today, category) at 80, 90 or 100 % of its allocation.' })
export class BudgetAlertItem {
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => Int, { description: '80, 90 or 100: the highest level reached today.' })
  level!: number;
  @Field(() => Money, { description: 'Spent today on the category.' })
  spent!: Money;
  @Field(() => Money, {
    description: 'Today’s allocation before any cover, which the level is measured against.',
  })
  allocation!: Money;
}

@ObjectType({ description: 'The home screen in one round trip.' })
export class Dashboard {
  @Field(() => LocalDateScalar, { description: 'Today in the budget’s time zone.' })
  today!: string;
  @Field(() => YearMonthScalar, { description: 'The current month.' })
  month!: string;
  @Field(() => BudgetDay, {
    nullable: true,
    description: 'Today per category (null before the plan starts).',
  })
  todayBudget!: BudgetDay | null;
  @Field(() => BudgetMonthTotals, { description: 'The current month’s totals.' })
  totals!: BudgetMonthTotals;
  @Field(() => [BudgetCategoryMonth], { description: 'Each category over the current month.' })
  categories!: BudgetCategoryMonth[];
  @Field(() => [CategoryPace], {
    description: 'Spending pace of each category that is neither fixed nor sacred.',
  })
  pace!: CategoryPace[];
  @Field(() => [BudgetAlertItem], {
    description: 'Today’s categories at 80 % or more of their allocation (fixed ones left out).',
  })
  alerts!: BudgetAlertItem[];
}

export function toDashboard(data: DashboardData): Dashboard {
  const { snapshot: s } = data;
  const ctx = { currency: s.currency, month: s.month, names: namesOf(s.categories) };
  return Object.assign(new Dashboard(), {
    today: s.today,
    month: s.month,
    todayBudget: data.today ? toBudgetDay(data.today, ctx) : null,
    totals: toTotals(s.totals, s.currency),
    categories: s.categories.map((c) => toBudgetCategory(c, s.currency)),
    pace: data.pace.map((p) => Object.assign(new CategoryPace(), p)),
    alerts: data.alerts.map((a) =>
      Object.assign(new BudgetAlertItem(), {
        categoryId: a.categoryId,
        level: a.level,
        spent: toMoney(a.spentMinor, s.currency),
        allocation: toMoney(a.allocationMinor, s.currency),
      }),
    ),
  });
}
