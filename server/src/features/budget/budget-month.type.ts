import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CategoryMonthView, MonthTotals } from '@pace/engine';
import { Money, toMoney } from '../../graphql/money.type';
import { CurrencyCodeScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import type { BudgetUpdatedEvent } from './budget.events';
import { CategoryPriority } from './budget-category.type';
import { CategoryBehaviourSetting } from './category.input';
import type { MonthSnapshot, SnapshotDay, SnapshotMove } from './month-snapshot.rules';

export enum BudgetStatus {
  GREEN = 'green',
  YELLOW = 'yellow',
  RED = 'red',
}
registerEnumType(BudgetStatus, {
  name: 'BudgetStatus',
  description:
    'How spending compares with the allocation the person was given (before any cover that day; fixed categories: month-to-date against the month).',
  valuesConfig: {
    GREEN: { description: 'Spent at most the allocation.' },
    YELLOW: {
      description:
        'Over by a little: at most 5% of the allocation, kept between per-currency bounds (2 and 25 major units for USD, EUR, GBP, CHF, CAD, AUD).',
    },
    RED: { description: 'Over by more than the yellow margin.' },
  },
});

export enum MoveReason {
  OVERSPEND = 'overspend',
  ROLLOVER_SPREAD = 'rollover_spread',
  ROLLOVER_NEXT_DAY = 'rollover_next_day',
  ROLLOVER_SAVINGS = 'rollover_savings',
  GOAL_TRANSFER = 'goal_transfer',
  MANUAL = 'manual',
}
registerEnumType(MoveReason, {
  name: 'MoveReason',
  description: 'Why budget moved between categories or days.',
  valuesConfig: {
    OVERSPEND: {
      description:
        'Covers an overspend from later days: Flex first, then discretionary, flexible and protected categories; never sacred ones.',
    },
    ROLLOVER_SPREAD: {
      description: 'A finished day’s underspend spread over the category’s remaining days.',
    },
    ROLLOVER_NEXT_DAY: { description: 'A finished day’s underspend moved to the next day.' },
    ROLLOVER_SAVINGS: { description: 'A finished day’s underspend moved into savings.' },
    MANUAL: { description: 'Moved by the person with `moveBudget`.' },
    GOAL_TRANSFER: {
      description:
        "Money put aside for a goal beyond the day's reservation: taken from the goal's own later days, then from Flex. Never an overspend.",
    },
  },
});

@ObjectType({ description: 'One category on one day.' })
export class BudgetCell {
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => String, { description: 'The category’s display name.' })
  name!: string;
  @Field(() => Money, {
    description: 'What the category may spend that day after every move, covers included.',
  })
  allocation!: Money;
  @Field(() => Money, { description: 'Expenses booked on the category that day.' })
  spent!: Money;
  @Field(() => Money, {
    description: 'Allocation − spent (fixed categories: month allocation − month-to-date).',
  })
  remaining!: Money;
  @Field(() => Money, { description: 'Moved in from donors to cover an overspend on this day.' })
  covered!: Money;
  @Field(() => Money, { description: 'Overspend no donor could cover.' })
  uncovered!: Money;
  @Field(() => BudgetStatus, { description: 'How the day went for the category.' })
  status!: BudgetStatus;
}

@ObjectType({ description: 'One local day of a month’s budget, with every category.' })
export class BudgetDay {
  @Field(() => LocalDateScalar, { description: 'The day, in the budget’s time zone.' })
  date!: string;
  @Field(() => Boolean, { description: 'Whether it is today in the budget’s time zone.' })
  isToday!: boolean;
  @Field(() => Boolean, {
    description: 'Whether the day is over (before today); its underspend has rolled over.',
  })
  isFinished!: boolean;
  @Field(() => Money, { description: 'The sum of the day’s category allocations.' })
  allocation!: Money;
  @Field(() => Money, { description: 'The day’s expenses over every category.' })
  spent!: Money;
  @Field(() => [BudgetCell], { description: 'Each category on that day.' })
  categories!: BudgetCell[];
}

@ObjectType({ description: 'One category over the month.' })
export class BudgetCategoryMonth {
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => String, { description: 'The category’s display name.' })
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
  @Field(() => Money, { description: 'The month amount in the plan.' })
  planned!: Money;
  @Field(() => Money, {
    description:
      'The month amount after moves: covers given and received, rollovers, manual moves.',
  })
  allocation!: Money;
  @Field(() => Money, { description: 'Expenses booked on it this month.' })
  spent!: Money;
  @Field(() => Money, { description: 'Allocation − spent (negative when overspent).' })
  remaining!: Money;
  @Field(() => Money, { description: 'Moved in from donors to cover its overspends.' })
  covered!: Money;
  @Field(() => Money, { description: 'Its overspend no donor could cover.' })
  uncovered!: Money;
  @Field(() => BudgetStatus, { description: 'How the month goes for it so far.' })
  status!: BudgetStatus;
}

@ObjectType({ description: 'Allocated always equals planned: money is only moved.' })
export class BudgetMonthTotals {
  @Field(() => Money, { description: 'The plan’s total for the month.' })
  planned!: Money;
  @Field(() => Money, { description: 'The sum of every allocation (equal to planned).' })
  allocated!: Money;
  @Field(() => Money, { description: 'The month’s expenses.' })
  spent!: Money;
  @Field(() => Money, { description: 'Overspend no donor could cover.' }) deficit!: Money;
}

@ObjectType({ description: 'An explained change of allocations.' })
export class BudgetMove {
  @Field(() => MoveReason, { description: 'Why the money moved.' })
  reason!: MoveReason;
  @Field(() => ID, { description: 'The category it left.' })
  fromCategoryId!: string;
  @Field(() => ID, { description: 'The category it went to.' })
  toCategoryId!: string;
  @Field(() => [LocalDateScalar], { description: 'The days it left.' })
  fromDays!: string[];
  @Field(() => [LocalDateScalar], { description: 'The days it went to.' })
  toDays!: string[];
  @Field(() => Money, { description: 'How much moved in all, in the budget currency.' })
  amount!: Money;
  @Field(() => LocalDateScalar, { description: 'The day being handled when the money moved.' })
  onDay!: string;
}

@ObjectType({
  description:
    'A month of the budget as computed now from the plan and the ledger: every day, every category, and the moves that explain the allocations.',
})
export class BudgetMonth {
  @Field(() => YearMonthScalar, { description: 'The month.' })
  month!: string;
  @Field(() => CurrencyCodeScalar, { description: 'The budget currency of every amount.' })
  currency!: string;
  @Field(() => LocalDateScalar, {
    description: 'Today in the budget’s time zone; days before it are finished.',
  })
  today!: string;
  @Field(() => BudgetMonthTotals, { description: 'The month’s totals.' })
  totals!: BudgetMonthTotals;
  @Field(() => [BudgetCategoryMonth], {
    description: 'Each category over the month, in processing order (sacred first).',
  })
  categories!: BudgetCategoryMonth[];
  @Field(() => [BudgetDay], { description: 'Each day of the month, in order.' })
  days!: BudgetDay[];
  @Field(() => [BudgetMove], { description: 'Every move of the month, each with its reason.' })
  moves!: BudgetMove[];
}

@ObjectType({ description: 'A month recomputed after a write: what changed and why.' })
export class BudgetUpdate {
  @Field(() => YearMonthScalar, { description: 'The month recomputed.' })
  month!: string;
  @Field(() => String, { description: 'transaction, plan or settings.' }) cause!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The transaction whose write caused it; null for other causes.',
  })
  transactionId!: string | null;
  @Field(() => BudgetMonthTotals, { description: 'The month’s totals now.' })
  totals!: BudgetMonthTotals;
  @Field(() => [BudgetDay], { description: 'Days with a changed allocation, spending or status.' })
  days!: BudgetDay[];
  @Field(() => [BudgetCategoryMonth], {
    description: 'Categories whose month figures or status changed.',
  })
  categories!: BudgetCategoryMonth[];
  @Field(() => [BudgetMove], { description: 'New moves explaining the change.' })
  moves!: BudgetMove[];
  @Field(() => [BudgetMove], { description: 'Moves undone (money given back).' })
  undoneMoves!: BudgetMove[];
}

interface Named {
  currency: string;
  month: string;
  names: Map<string, string>;
}

const dateOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

export function toBudgetDay(day: SnapshotDay, ctx: Named): BudgetDay {
  const m = (minor: number) => toMoney(minor, ctx.currency);
  return Object.assign(new BudgetDay(), {
    date: day.date,
    isToday: day.isToday,
    isFinished: day.isFinished,
    allocation: m(day.allocationMinor),
    spent: m(day.spentMinor),
    categories: day.cells.map((c) =>
      Object.assign(new BudgetCell(), {
        categoryId: c.categoryId,
        name: ctx.names.get(c.categoryId) ?? c.categoryId,
        allocation: m(c.allocationMinor),
        spent: m(c.spentMinor),
        remaining: m(c.remainingMinor),
        covered: m(c.coveredMinor),
        uncovered: m(c.uncoveredMinor),
        status: c.status as BudgetStatus,
      }),
    ),
  });
}

export function toBudgetCategory(c: CategoryMonthView, currency: string): BudgetCategoryMonth {
  const m = (minor: number) => toMoney(minor, currency);
  return Object.assign(new BudgetCategoryMonth(), {
    categoryId: c.id,
    name: c.name,
    behaviour: c.behaviour,
    priority: c.priority,
    planned: m(c.planMinor),
    allocation: m(c.allocationMinor),
    spent: m(c.spentMinor),
    remaining: m(c.remainingMinor),
    covered: m(c.coveredMinor),
    uncovered: m(c.uncoveredMinor),
    status: c.status as BudgetStatus,
  });
}

export function toTotals(t: MonthTotals, currency: string): BudgetMonthTotals {
  const m = (minor: number) => toMoney(minor, currency);
  return Object.assign(new BudgetMonthTotals(), {
    planned: m(t.plannedMinor),
    allocated: m(t.allocatedMinor),
    spent: m(t.spentMinor),
    deficit: m(t.deficitMinor),
  });
}

export function toBudgetMove(move: SnapshotMove, ctx: Omit<Named, 'names'>): BudgetMove {
  return Object.assign(new BudgetMove(), {
    reason: move.reason as MoveReason,
    fromCategoryId: move.fromCategoryId,
    toCategoryId: move.toCategoryId,
    fromDays: move.fromDays.map((d) => dateOf(ctx.month, d)),
    toDays: move.toDays.map((d) => dateOf(ctx.month, d)),
    amount: toMoney(move.amountMinor, ctx.currency),
    onDay: dateOf(ctx.month, move.onDay),
  });
}

export function namesOf(categories: readonly CategoryMonthView[]): Map<string, string> {
  return new Map(categories.map((c) => [c.id, c.name]));
}

export function toBudgetMonth(s: MonthSnapshot): BudgetMonth {
  const ctx = { currency: s.currency, month: s.month, names: namesOf(s.categories) };
  return Object.assign(new BudgetMonth(), {
    month: s.month,
    currency: s.currency,
    today: s.today,
    totals: toTotals(s.totals, s.currency),
    categories: s.categories.map((c) => toBudgetCategory(c, s.currency)),
    days: s.days.map((d) => toBudgetDay(d, ctx)),
    moves: s.moves.map((m) => toBudgetMove(m, ctx)),
  });
}

export function toBudgetUpdate(e: BudgetUpdatedEvent): BudgetUpdate {
  const ctx = {
    currency: e.currency,
    month: e.month,
    names: new Map(Object.entries(e.categoryNames)),
  };
  return Object.assign(new BudgetUpdate(), {
    month: e.month,
    cause: e.cause,
    transactionId: e.transactionId,
    totals: toTotals(e.totals, e.currency),
    days: e.days.map((d) => toBudgetDay(d, ctx)),
    categories: e.categories.map((c) => toBudgetCategory(c, e.currency)),
    moves: e.movesAdded.map((m) => toBudgetMove(m, ctx)),
    undoneMoves: e.movesUndone.map((m) => toBudgetMove(m, ctx)),
  });
}
