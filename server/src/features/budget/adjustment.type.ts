import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { DecimalScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import type { BudgetAdjustmentRow } from './adjustment.table';

@InputType({
  description:
    'Move an amount from one (category, day) to another of the same month; never from or to a past day.',
})
export class AdjustBudgetInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => String) fromCategoryId!: string;
  @Field(() => LocalDateScalar) fromOn!: string;
  @Field(() => String) toCategoryId!: string;
  @Field(() => LocalDateScalar) toOn!: string;
  @Field(() => DecimalScalar, { description: 'In the budget currency.' }) amount!: string;
}

@ObjectType({
  description: 'A manual move of budget; it shows in the month as a MANUAL move until deleted.',
})
export class BudgetAdjustment {
  @Field(() => ID) id!: string;
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => String) fromCategoryId!: string;
  @Field(() => LocalDateScalar) fromOn!: string;
  @Field(() => String) toCategoryId!: string;
  @Field(() => LocalDateScalar) toOn!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => Date, { nullable: true }) deletedAt!: Date | null;
}

export function toBudgetAdjustment(row: BudgetAdjustmentRow, currency: string): BudgetAdjustment {
  const { id, month, fromCategoryId, fromOn, toCategoryId, toOn, deletedAt } = row;
  return Object.assign(new BudgetAdjustment(), {
    id,
    month,
    fromCategoryId,
    fromOn,
    toCategoryId,
    toOn,
    deletedAt,
    amount: toMoney(row.amountMinor, currency),
  });
}
