import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { LocalDateScalar, YearMonthScalar } from '../../graphql/scalars';
import { SpendingPaceLevelGql } from '../analytics';
import type { TransactionAlertEvent } from './alert.events';

export enum TransactionAlertKind {
  BUDGET_LEVEL = 'budget_level',
  PACE = 'pace',
  LARGE_TRANSACTION = 'large_transaction',
  DEFICIT = 'deficit',
  GOAL_MILESTONE = 'goal_milestone',
}
registerEnumType(TransactionAlertKind, {
  name: 'TransactionAlertKind',
  description: 'What a transaction write newly caused.',
  valuesConfig: {
    BUDGET_LEVEL: {
      description: 'A category’s spending on a day reached 80, 90 or 100 % of its allocation.',
    },
    PACE: {
      description:
        'A category is spending fast enough to run out before the month ends (watch, warning, critical).',
    },
    LARGE_TRANSACTION: {
      description: 'An expense above the large-transaction threshold of the budget settings.',
    },
    DEFICIT: { description: 'The month now has overspend no other category could cover.' },
    GOAL_MILESTONE: {
      description: 'A goal’s savings crossed 25, 50, 75, 90 or 100 % of its target.',
    },
  },
});

@ObjectType({
  description:
    'Something a transaction write newly caused; each key is sent once (pace: once per 24 h).',
})
export class TransactionAlert {
  @Field(() => String, {
    description: 'Stable key of the alert, e.g. budget:2026-03-10:groceries:90.',
  })
  key!: string;
  @Field(() => TransactionAlertKind, { description: 'What happened.' })
  kind!: TransactionAlertKind;
  @Field(() => YearMonthScalar, { description: 'The budget month it concerns.' })
  month!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The transaction whose write caused it; null when another write did.',
  })
  transactionId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The category it concerns (`goal:<id>` for a goal); null for DEFICIT.',
  })
  categoryId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The category’s display name; null when there is no category.',
  })
  categoryName!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The local day it concerns: the day of the budget level, the transaction’s day, else today.',
  })
  date!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'BUDGET_LEVEL: 80, 90 or 100 (% of the day’s allocation).',
  })
  level!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'PACE: watch, warning or critical.',
    deprecationReason: 'Use spendingPace. Removal after 2027-06-30.',
  })
  paceLevel!: string | null;
  @Field(() => SpendingPaceLevelGql, {
    nullable: true,
    description: 'PACE: how fast the category is being spent; null for other kinds.',
  })
  get spendingPace(): SpendingPaceLevelGql | null {
    return (this.paceLevel as SpendingPaceLevelGql | null) ?? null;
  }
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
