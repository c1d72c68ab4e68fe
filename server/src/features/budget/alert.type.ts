import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import type { TransactionAlertEvent } from './alert.events';

export enum TransactionAlertKind {
  BUDGET_LEVEL = 'budget_level',
  PACE = 'pace',
  LARGE_TRANSACTION = 'large_transaction',
  DEFICIT = 'deficit',
  GOAL_MILESTONE = 'goal_milestone',
}
registerEnumType(TransactionAlertKind, { name: 'TransactionAlertKind' });

@ObjectType({
  description:
    'Something a transaction write newly caused; each key is sent once (pace: once per 24 h).',
})
export class TransactionAlert {
  @Field(() => String, {
    description: 'Stable key of the alert, e.g. budget:2026-03-10:groceries:90.',
  })
  key!: string;
  @Field(() => TransactionAlertKind) kind!: TransactionAlertKind;
  @Field(() => YearMonthScalar) month!: string;
  @Field(() => ID, { nullable: true }) transactionId!: string | null;
  @Field(() => String, { nullable: true }) categoryId!: string | null;
  @Field(() => String, { nullable: true }) categoryName!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) date!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'BUDGET_LEVEL: 80, 90 or 100 (% of the day’s allocation).',
  })
  level!: number | null;
  @Field(() => String, { nullable: true, description: 'PACE: watch, warning or critical.' })
  paceLevel!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'PACE: the day the plan runs out at this pace.',
  })
  runOutOn!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'GOAL_MILESTONE: 25, 50, 75, 90 or 100 (% of the goal’s target saved).',
  })
  milestone!: number | null;
  @Field(() => Money, {
    description:
      'Spent (budget level, pace), the transaction amount, the deficit, or what the goal has saved.',
  })
  amount!: Money;
  @Field(() => Money, {
    nullable: true,
    description: 'BUDGET_LEVEL: the day’s allocation; GOAL_MILESTONE: the goal’s target.',
  })
  allocation!: Money | null;
}

export function toTransactionAlert(event: TransactionAlertEvent): TransactionAlert {
  const {
    key,
    month,
    transactionId,
    categoryId,
    categoryName,
    date,
    level,
    paceLevel,
    runOutOn,
    milestone,
    currency,
  } = event;
  return Object.assign(new TransactionAlert(), {
    key,
    kind: event.kind as TransactionAlertKind,
    month,
    transactionId,
    categoryId,
    categoryName,
    date,
    level,
    paceLevel,
    runOutOn,
    milestone,
    amount: toMoney(event.amountMinor, currency),
    allocation: event.allocationMinor === null ? null : toMoney(event.allocationMinor, currency),
  });
}
