import { Field, ObjectType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { CurrencyCodeScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import {
  BudgetCategoryMonth,
  BudgetCell,
  BudgetMonthTotals,
  BudgetStatus,
  toBudgetCategory,
  toBudgetDay,
  toTotals,
  namesOf,
} from './budget-month.type';
import type { CalendarDayData, CheckpointData } from './budget-query.service';
import type { MonthSnapshot } from './month-snapshot.rules';

@ObjectType({ description: 'A month in the history: its totals and its categories.' })
export class BudgetMonthSummary {
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => CurrencyCodeScalar) currency!: string;
  @Field(() => BudgetMonthTotals) totals!: BudgetMonthTotals;
  @Field(() => [BudgetCategoryMonth]) categories!: BudgetCategoryMonth[];
}

@ObjectType({ description: 'One day of a calendar view.' })
export class CalendarDay {
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => Boolean) isToday!: boolean;
  @Field(() => Boolean) isFinished!: boolean;
  @Field(() => Boolean, { description: 'False before a mid-month plan’s first day.' })
  isPlanned!: boolean;
  @Field(() => Money) allocation!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => BudgetStatus, { description: 'The worst status among the day’s categories.' })
  status!: BudgetStatus;
}

@ObjectType()
export class CalendarMonth {
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => LocalDateScalar) today!: string;
  @Field(() => [CalendarDay]) days!: CalendarDay[];
}

@ObjectType({
  description: 'The state of one day: per category, and the month’s uncovered deficit up to it.',
})
export class Checkpoint {
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => Money) allocation!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => Money) remaining!: Money;
  @Field(() => BudgetStatus, { description: 'The worst status among the day’s categories.' })
  status!: BudgetStatus;
  @Field(() => [BudgetCell]) categories!: BudgetCell[];
  @Field(() => Money, {
    description: 'Overspend no donor could cover, from the month’s first day to this one.',
  })
  deficitSoFar!: Money;
}

export function toBudgetMonthSummary(s: MonthSnapshot): BudgetMonthSummary {
  return Object.assign(new BudgetMonthSummary(), {
    month: s.month,
    currency: s.currency,
    totals: toTotals(s.totals, s.currency),
    categories: s.categories.map((c) => toBudgetCategory(c, s.currency)),
  });
}

export function toCalendarMonth(s: MonthSnapshot, days: readonly CalendarDayData[]): CalendarMonth {
  return Object.assign(new CalendarMonth(), {
    month: s.month,
    today: s.today,
    days: days.map((d) =>
      Object.assign(new CalendarDay(), {
        ...d,
        allocation: toMoney(d.allocationMinor, s.currency),
        spent: toMoney(d.spentMinor, s.currency),
        status: d.status as BudgetStatus,
      }),
    ),
  });
}

export function toCheckpoint(data: CheckpointData): Checkpoint {
  const { snapshot: s, day } = data;
  const money = (minor: number) => toMoney(minor, s.currency);
  return Object.assign(new Checkpoint(), {
    date: day.date,
    allocation: money(day.allocationMinor),
    spent: money(day.spentMinor),
    remaining: money(day.allocationMinor - day.spentMinor),
    status: data.status as BudgetStatus,
    categories: toBudgetDay(day, {
      currency: s.currency,
      month: s.month,
      names: namesOf(s.categories),
    }).categories,
    deficitSoFar: money(data.deficitSoFarMinor),
  });
}
