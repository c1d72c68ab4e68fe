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
  @Field(() => YearMonthScalar, { description: 'The month.' })
  month!: string;
  @Field(() => CurrencyCodeScalar, { description: 'The budget currency of every amount.' })
  currency!: string;
  @Field(() => BudgetMonthTotals, { description: 'The month’s totals.' })
  totals!: BudgetMonthTotals;
  @Field(() => [BudgetCategoryMonth], { description: 'Each category over the month.' })
  categories!: BudgetCategoryMonth[];
}

@ObjectType({ description: 'One day of a calendar view.' })
export class CalendarDay {
  @Field(() => LocalDateScalar, { description: 'The day, in the budget’s time zone.' })
  date!: string;
  @Field(() => Boolean, { description: 'Whether it is today in the budget’s time zone.' })
  isToday!: boolean;
  @Field(() => Boolean, { description: 'Whether the day is over (before today).' })
  isFinished!: boolean;
  @Field(() => Boolean, { description: 'False before a mid-month plan’s first day.' })
  isPlanned!: boolean;
  @Field(() => Money, { description: 'The sum of the day’s category allocations.' })
  allocation!: Money;
  @Field(() => Money, { description: 'The day’s expenses.' })
  spent!: Money;
  @Field(() => BudgetStatus, { description: 'The worst status among the day’s categories.' })
  status!: BudgetStatus;
}

@ObjectType({ description: 'A month as a calendar: one entry per day.' })
export class CalendarMonth {
  @Field(() => YearMonthScalar, { description: 'The month.' })
  month!: string;
  @Field(() => LocalDateScalar, { description: 'Today in the budget’s time zone.' })
  today!: string;
  @Field(() => [CalendarDay], { description: 'Every day of the month, in order.' })
  days!: CalendarDay[];
}

@ObjectType({
  description: 'The state of one day: per category, and the month’s uncovered deficit up to it.',
})
export class Checkpoint {
  @Field(() => LocalDateScalar, { description: 'The day, in the budget’s time zone.' })
  date!: string;
  @Field(() => Money, { description: 'The sum of the day’s category allocations.' })
  allocation!: Money;
  @Field(() => Money, { description: 'The day’s expenses.' })
  spent!: Money;
  @Field(() => Money, { description: 'Allocation − spent (negative when overspent).' })
  remaining!: Money;
  @Field(() => BudgetStatus, { description: 'The worst status among the day’s categories.' })
  status!: BudgetStatus;
  @Field(() => [BudgetCell], { description: 'Each category on that day.' })
  categories!: BudgetCell[];
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
