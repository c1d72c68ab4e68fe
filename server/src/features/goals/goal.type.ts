import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { Transaction } from '../transactions';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import { goalCategoryOf, type GoalResult, type GoalView } from './goal.service';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';

export enum GoalStatusGql {
  ACTIVE = 'active',
  PAUSED = 'paused',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
}
registerEnumType(GoalStatusGql, {
  name: 'GoalStatus',
  description: 'Only an ACTIVE goal reserves money in the plan.',
  valuesConfig: {
    ACTIVE: { description: 'Being saved for; with a target date it reserves money in the plan.' },
    PAUSED: { description: 'Kept, but reserves nothing until made ACTIVE again.' },
    COMPLETED: { description: 'Marked done by the person; reserves nothing.' },
    CANCELLED: { description: 'Given up; reserves nothing. Its contributions stay in the ledger.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A savings goal. Contributions are expenses booked on its categoryId, so editing or deleting one undoes it. An active goal with a date reserves a sacred daily amount in the plans made after it (the next month’s, or the current one on regeneratePlan).',
})
export class Goal {
  @Field(() => ID, { description: 'The goal’s id (the client’s, when it chose one).' })
  id!: string;
  @Field(() => String, { description: 'What the person saves for, 1 to 100 characters.' })
  name!: string;
  @Field(() => String, { description: 'Book contributions on this category: goal:<id>.' })
  categoryId!: string;
  @Field(() => Money, { description: 'The amount to save, in the budget currency.' })
  target!: Money;
  @Field(() => Money, {
    description:
      'What its contributions add up to when read (a later contribution does not re-send the goal in changes: a device adds up its own ledger).',
  })
  saved!: Money;
  @Field(() => Money, { description: 'target − saved, never below zero.' }) remaining!: Money;
  @Field(() => Int, { description: 'Whole percent of the target saved, floored, 0–100.' })
  percent!: number;
  @Field(() => Float, { description: 'min(saved / target, 1), for display only.' })
  ratio!: number;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The local day the target should be reached by; null when the goal has no date.',
  })
  targetOn!: string | null;
  @Field(() => Int, {
    description: '1 is the most important: the others’ reservations shrink first.',
  })
  priority!: number;
  @Field(() => GoalStatusGql, { description: 'Whether it is being saved for.' })
  status!: GoalStatusGql;
  @Field(() => Int, {
    description: 'Grows by one with each change; send it as `baseVersion` to update.',
  })
  version!: number;
  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;
  @Field(() => Date, { description: 'When it was last changed or deleted.' })
  updatedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was deleted (a tombstone); null while it exists.',
  })
  deletedAt!: Date | null;
}

@ObjectType({ description: 'The outcome of a goal write.' })
export class GoalPayload {
  @Field(() => Goal, { description: 'The goal as stored now (the current one after a conflict).' })
  goal!: Goal;
  @Field(() => Boolean, {
    description:
      'True when baseVersion was stale (or the goal is deleted): nothing changed, the current goal is returned.',
  })
  conflict!: boolean;
}

@InputType({ description: 'A new savings goal, ACTIVE unless a status is given.' })
export class CreateGoalInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID, for offline replays.' })
  id?: string | null;
  @Field(() => String, { description: 'What the person saves for, 1 to 100 characters (trimmed).' })
  name!: string;
  @Field(() => DecimalScalar, { description: 'In the budget currency; more than zero.' })
  target!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Today or later.' })
  targetOn?: string | null;
  @Field(() => Int, { nullable: true, description: '1 (default) to 100.' })
  priority?: number | null;
  @Field(() => GoalStatusGql, { nullable: true, description: 'ACTIVE when absent.' })
  status?: GoalStatusGql | null;
}

@InputType({
  description:
    'Changes the given fields of a goal when baseVersion is current; targetOn: null removes the date.',
})
export class UpdateGoalInput {
  @Field(() => ID, { description: 'The goal to change.' })
  id!: string;
  @Field(() => Int, {
    description:
      'The `version` the edit is based on; when stale nothing changes and `conflict` is true.',
  })
  baseVersion!: number;
  @Field(() => String, {
    nullable: true,
    description: 'A new name, 1 to 100 characters; unchanged when absent.',
  })
  name?: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'A new target in the budget currency, more than zero; unchanged when absent.',
  })
  target?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'A new target day, today or later; null removes the date, absent keeps it.',
  })
  targetOn?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'A new priority, 1 to 100; unchanged when absent.',
  })
  priority?: number | null;
  @Field(() => GoalStatusGql, {
    nullable: true,
    description: 'A new status; unchanged when absent.',
  })
  status?: GoalStatusGql | null;
}

export function toGoal(view: GoalView, currency: string): Goal {
  const { row, savedMinor, progress } = view;
  return Object.assign(new Goal(), {
    id: row.id,
    name: row.name,
    categoryId: goalCategoryOf(row.id),
    target: toMoney(row.targetMinor, currency),
    saved: toMoney(savedMinor, currency),
    remaining: toMoney(progress.remainingMinor, currency),
    percent: progress.percent,
    ratio: progress.ratio,
    targetOn: row.targetOn,
    priority: row.priority,
    status: row.status as GoalStatusGql,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  });
}

export function toGoalPayload(result: GoalResult): GoalPayload {
  return Object.assign(new GoalPayload(), {
    goal: toGoal(result.goal, result.currency),
    conflict: result.conflict,
  });
}

@InputType({
  description:
    'Money put aside for a goal now: one expense on the goal’s category, in the budget currency. Beyond what the day reserves for the goal it comes out of Flex as a transfer, never as an overspend.',
})
export class ContributeToGoalInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Client-generated UUID of the contribution (a transaction id): replaying it returns the stored contribution and changes nothing.',
  })
  id?: string | null;
  @Field(() => ID, { description: 'The goal to put money aside for.' })
  goalId!: string;
  @Field(() => DecimalScalar, { description: 'More than zero, in the budget currency.' })
  amount!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The local day it counts on; default today in the budget’s time zone.',
  })
  bookedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'A note; default the goal’s name.' })
  note?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account the money is put aside from (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND), nothing booked.',
  })
  accountId?: string | null;
}

@ObjectType({ description: 'The outcome of a contribution: the goal and the ledger entry.' })
export class GoalContributionPayload {
  @Field(() => Goal, { description: 'The goal with the contribution counted.' }) goal!: Goal;
  @Field(() => Transaction, { description: 'The contribution as it stands in the ledger.' })
  transaction!: Transaction;
}

/** The viewer’s goals a page at a time. */
export const GoalConnection = connectionTypes(Goal, 'Goal', 'goals');
