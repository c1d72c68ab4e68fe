import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CategoryMonthView, MonthTotals } from '@pace/engine';
import { Money, toMoney } from '../../graphql/money.type';
import { CurrencyCodeScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import type { BudgetUpdatedEvent } from './budget.events';
import type { MonthSnapshot, SnapshotDay, SnapshotMove } from './month-snapshot.rules';

export enum BudgetStatus {
  GREEN = 'green',
  YELLOW = 'yellow',
  RED = 'red',
}
registerEnumType(BudgetStatus, { name: 'BudgetStatus' });

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
  valuesConfig: {
    GOAL_TRANSFER: {
      description:
        "Money put aside for a goal beyond the day's reservation: taken from the goal's own later days, then from Flex. Never an overspend.",
    },
  },
});

@ObjectType({ description: 'One category on one day.' })
export class BudgetCell {
  @Field(() => ID) categoryId!: string;
  @Field(() => String) name!: string;
  @Field(() => Money) allocation!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => Money, {
    description: 'Allocation − spent (fixed categories: month allocation − month-to-date).',
  })
  remaining!: Money;
  @Field(() => Money, { description: 'Moved in from donors to cover an overspend on this day.' })
  covered!: Money;
  @Field(() => Money, { description: 'Overspend no donor could cover.' })
  uncovered!: Money;
  @Field(() => BudgetStatus) status!: BudgetStatus;
}

@ObjectType()
export class BudgetDay {
  @Field(() => LocalDateScalar) date!: string;
  @Field(() => Boolean) isToday!: boolean;
  @Field(() => Boolean) isFinished!: boolean;
  @Field(() => Money) allocation!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => [BudgetCell]) categories!: BudgetCell[];
}

@ObjectType({ description: 'One category over the month.' })
export class BudgetCategoryMonth {
  @Field(() => ID) categoryId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) behaviour!: string;
  @Field(() => String) priority!: string;
  @Field(() => Money) planned!: Money;
  @Field(() => Money) allocation!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => Money) remaining!: Money;
  @Field(() => Money) covered!: Money;
  @Field(() => Money) uncovered!: Money;
  @Field(() => BudgetStatus) status!: BudgetStatus;
}

@ObjectType({ description: 'Allocated always equals planned: money is only moved.' })
export class BudgetMonthTotals {
  @Field(() => Money) planned!: Money;
  @Field(() => Money) allocated!: Money;
  @Field(() => Money) spent!: Money;
  @Field(() => Money, { description: 'Overspend no donor could cover.' }) deficit!: Money;
}

@ObjectType({ description: 'An explained change of allocations.' })
export class BudgetMove {
  @Field(() => MoveReason) reason!: MoveReason;
  @Field(() => ID) fromCategoryId!: string;
  @Field(() => ID) toCategoryId!: string;
  @Field(() => [LocalDateScalar]) fromDays!: string[];
  @Field(() => [LocalDateScalar]) toDays!: string[];
  @Field(() => Money) amount!: Money;
  @Field(() => LocalDateScalar, { description: 'The day being handled when the money moved.' })
  onDay!: string;
}

@ObjectType()
export class BudgetMonth {
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => CurrencyCodeScalar) currency!: string;
  @Field(() => LocalDateScalar) today!: string;
  @Field(() => BudgetMonthTotals) totals!: BudgetMonthTotals;
  @Field(() => [BudgetCategoryMonth]) categories!: BudgetCategoryMonth[];
  @Field(() => [BudgetDay]) days!: BudgetDay[];
  @Field(() => [BudgetMove]) moves!: BudgetMove[];
}

@ObjectType({ description: 'A month recomputed after a write: what changed and why.' })
export class BudgetUpdate {
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => String, { description: 'transaction, plan or settings.' }) cause!: string;
  @Field(() => ID, { nullable: true }) transactionId!: string | null;
  @Field(() => BudgetMonthTotals) totals!: BudgetMonthTotals;
  @Field(() => [BudgetDay], { description: 'Days with a changed allocation, spending or status.' })
  days!: BudgetDay[];
  @Field(() => [BudgetCategoryMonth]) categories!: BudgetCategoryMonth[];
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
