import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import type { RecurringTransactionRow } from './recurring.table';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';

export enum RecurringFrequency {
  MONTHLY = 'monthly',
  WEEKLY = 'weekly',
}
registerEnumType(RecurringFrequency, {
  name: 'RecurringFrequency',
  description: 'How often a recurring expense is booked.',
  valuesConfig: {
    MONTHLY: {
      description: 'Once a month, on `dayNumber` (1–31; past the month’s end, its last day).',
    },
    WEEKLY: { description: 'Once a week, on weekday `dayNumber` (0 Sunday … 6 Saturday).' },
  },
});

@InputType({
  description:
    'An expense that repeats monthly on a day (past the month’s end: its last day) or weekly on a weekday.',
})
export class CreateRecurringTransactionInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => DecimalScalar, { description: 'In the budget currency.' }) amount!: string;
  @Field(() => String, { description: 'The category id or alias each occurrence is booked on.' })
  categoryId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The description of each occurrence; empty when absent.',
  })
  description?: string | null;
  @Field(() => RecurringFrequency, { description: 'Monthly or weekly.' })
  frequency!: RecurringFrequency;
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

@ObjectType({
  implements: Node,
  description:
    'An expense booked automatically on a schedule: each occurrence becomes a RECURRING transaction on its local day.',
})
export class RecurringTransaction {
  @Field(() => ID, { description: 'Its id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => Money, { description: 'The amount of each occurrence, in the budget currency.' })
  amount!: Money;
  @Field(() => String, { description: 'The category each occurrence is booked on.' })
  categoryId!: string;
  @Field(() => String, { description: 'The description of each occurrence (may be empty).' })
  description!: string;
  @Field(() => RecurringFrequency, { description: 'Monthly or weekly.' })
  frequency!: RecurringFrequency;
  @Field(() => Int, { description: 'MONTHLY: day 1–31; WEEKLY: 0 Sunday … 6 Saturday.' })
  dayNumber!: number;
  @Field(() => LocalDateScalar, { description: 'The first possible occurrence.' })
  startOn!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The last possible occurrence; null while it is open-ended.',
  })
  endOn!: string | null;
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

/** The viewer’s recurring transactions a page at a time. */
export const RecurringTransactionConnection = connectionTypes(
  RecurringTransaction,
  'RecurringTransaction',
  'recurring transactions',
);
