import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { DecimalScalar, LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import type { BudgetAdjustmentRow } from './adjustment.table';
import { Node } from '../../graphql/node';

@InputType({
  description:
    'Move an amount from one (category, day) to another of the same month; never from or to a past day.',
})
export class AdjustBudgetInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => String, { description: 'The category giving budget; it must be in the plan.' })
  fromCategoryId!: string;
  @Field(() => LocalDateScalar, {
    description: 'The day giving budget (local to the budget’s time zone); not a past day.',
  })
  fromOn!: string;
  @Field(() => String, { description: 'The category receiving it; it must be in the plan.' })
  toCategoryId!: string;
  @Field(() => LocalDateScalar, {
    description: 'The day receiving it, in the same month as `fromOn`; not a past day.',
  })
  toOn!: string;
  @Field(() => DecimalScalar, {
    description:
      'In the budget currency, more than zero and at most what the giving day has (exact).',
  })
  amount!: string;
}

@ObjectType({
  implements: Node,
  description: 'A manual move of budget; it shows in the month as a MANUAL move until deleted.',
})
export class BudgetAdjustment {
  @Field(() => ID, { description: 'The move’s id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => YearMonthScalar, { description: 'The month of both days.' })
  month!: string;
  @Field(() => String, { description: 'The category that gave budget.' })
  fromCategoryId!: string;
  @Field(() => LocalDateScalar, { description: 'The day that gave it.' })
  fromOn!: string;
  @Field(() => String, { description: 'The category that received it.' })
  toCategoryId!: string;
  @Field(() => LocalDateScalar, { description: 'The day that received it.' })
  toOn!: string;
  @Field(() => Money, { description: 'The amount moved, in the budget currency.' })
  amount!: Money;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was undone; null while it is in force.',
  })
  deletedAt!: Date | null;
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
