import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import type { RecurringTransactionRow } from './recurring.table';

export enum RecurringFrequency {
  MONTHLY = 'monthly',
  WEEKLY = 'weekly',
}
registerEnumType(RecurringFrequency, { name: 'RecurringFrequency' });

@InputType({
  description:
    'An expense that repeats monthly on a day (past the month’s end: its last day) or weekly on a weekday.',
})
export class CreateRecurringTransactionInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => DecimalScalar, { description: 'In the budget currency.' }) amount!: string;
  @Field(() => String) categoryId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => RecurringFrequency) frequency!: RecurringFrequency;
  @Field(() => Int, { description: 'MONTHLY: day 1–31; WEEKLY: 0 Sunday … 6 Saturday.' })
  dayNumber!: number;
  @Field(() => LocalDateScalar, {
    description:
      'First possible occurrence. Occurrences already due are posted at once, so it may reach at most 366 days before today; older ones are refused (BAD_USER_INPUT): book those as transactions.',
  })
  startOn!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last possible occurrence; open when null.',
  })
  endOn?: string | null;
}

@ObjectType()
export class RecurringTransaction {
  @Field(() => ID) id!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => String) categoryId!: string;
  @Field(() => String) description!: string;
  @Field(() => RecurringFrequency) frequency!: RecurringFrequency;
  @Field(() => Int) dayNumber!: number;
  @Field(() => LocalDateScalar) startOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) endOn!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The last occurrence posted as a transaction.',
  })
  postedThrough!: string | null;
}

export function toRecurringTransaction(row: RecurringTransactionRow): RecurringTransaction {
  const { id, categoryId, description, dayNumber, startOn, endOn, postedThrough } = row;
  return Object.assign(new RecurringTransaction(), {
    id,
    categoryId,
    description,
    dayNumber,
    startOn,
    endOn,
    postedThrough,
    frequency: row.frequency as RecurringFrequency,
    amount: toMoney(row.amountMinor, row.currency),
  });
}
