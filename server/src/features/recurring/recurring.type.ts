import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '../../graphql/money.type';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars';
import type { RecurringTransactionRow } from './recurring.table';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';
import type { UpcomingOccurrence } from './recurring-upcoming.service';

export enum RecurringFrequency {
  DAILY = 'daily',
  WEEKLY = 'weekly',
  MONTHLY = 'monthly',
  LAST_DAY_OF_MONTH = 'month_end',
  YEARLY = 'yearly',
}
registerEnumType(RecurringFrequency, {
  name: 'RecurringFrequency',
  description:
    'How often a recurring expense is booked. Occurrences are local dates in the budget time zone (a DST change never moves one); "every N" (`interval`) counts from the first day of the rule.',
  valuesConfig: {
    DAILY: { description: 'Every `interval` days; `dayNumber` is unused (0).' },
    WEEKLY: {
      description:
        'Every `interval` weeks, on weekday `dayNumber` (0 Sunday … 6 Saturday); once a week when interval is 1.',
    },
    MONTHLY: {
      description:
        'Every `interval` months, on day `dayNumber` (1–31); a day past the month’s end falls on its last day (31 → 30 April, 28 or 29 February).',
    },
    LAST_DAY_OF_MONTH: {
      description: 'Every `interval` months, on the month’s last day; `dayNumber` reads 31.',
    },
    YEARLY: {
      description:
        'Every `interval` years, on `monthOfYear` and day `dayNumber`; 29 February falls on 28 February in common years.',
    },
  },
});

const DAY_NUMBER =
  'WEEKLY: weekday 0 Sunday … 6 Saturday; MONTHLY and YEARLY: day of the month 1–31. DAILY: 0 and LAST_DAY_OF_MONTH: 31 (unused).';

@InputType({
  description:
    'An expense that repeats every N days, weeks (on a weekday), months (on a day, or the last day) or years (month and day).',
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
  @Field(() => RecurringFrequency, { description: 'How often it repeats.' })
  frequency!: RecurringFrequency;
  @Field(() => Int, {
    nullable: true,
    description: `Required for WEEKLY, MONTHLY and YEARLY; ignored for DAILY and LAST_DAY_OF_MONTH. ${DAY_NUMBER}`,
  })
  dayNumber?: number | null;
  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: 'Every this many days, weeks, months or years (1–366); 1 when absent.',
  })
  interval?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'YEARLY only: the month, 1 January … 12 December; ignored otherwise.',
  })
  monthOfYear?: number | null;
  @Field(() => LocalDateScalar, {
    description:
      'First possible occurrence (and where "every N" counts from). Occurrences already due are posted at once, so it may reach at most 366 days before today; older ones are refused (BAD_USER_INPUT): book those as transactions.',
  })
  startOn!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last possible occurrence; open when null.',
  })
  endOn?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account every occurrence moves (`accounts`); the default account when absent. Another person’s or an unknown id: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND); an archived one: BAD_USER_INPUT (RECURRING_ACCOUNT_ARCHIVED); nothing is written.',
  })
  accountId?: string | null;
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
  @Field(() => RecurringFrequency, { description: 'How often it repeats.' })
  frequency!: RecurringFrequency;
  @Field(() => Int, { description: DAY_NUMBER })
  dayNumber!: number;
  @Field(() => Int, { description: 'Every this many days, weeks, months or years (1 or more).' })
  interval!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'YEARLY: the month, 1 January … 12 December; null for other frequencies.',
  })
  monthOfYear!: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The recurring transaction this one continues after an edit from a date on (`updateRecurringTransaction`); null for an original.',
  })
  previousId!: string | null;
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
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account every occurrence moves; null: the default account. While this account is archived, occurrences post into the default account.',
  })
  accountId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'In a shared household budget: the member who set it up, stamped on every occurrence (`Transaction.memberId`); null for the budget’s owner.',
  })
  memberId!: string | null;
}

export function toRecurringTransaction(row: RecurringTransactionRow): RecurringTransaction {
  const { id, categoryId, description, dayNumber, startOn, endOn, postedThrough } = row;
  return Object.assign(new RecurringTransaction(), {
    id,
    interval: row.interval,
    monthOfYear: row.monthOfYear,
    previousId: row.previousId,
    categoryId,
    description,
    dayNumber,
    startOn,
    endOn,
    postedThrough,
    accountId: row.accountId,
    memberId: row.memberId,
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

@InputType({
  description:
    'A change of a recurring transaction from a date on: occurrences before `from` keep the old rule (posted ones never change); absent fields keep their value.',
})
export class UpdateRecurringTransactionInput {
  @Field(() => ID, { description: 'The recurring transaction’s id.' })
  id!: string;
  @Field(() => LocalDateScalar, {
    description:
      'The first local day (budget time zone) the change applies to. Must be after `postedThrough`: an earlier one would rewrite posted history (CONFLICT, reason RECURRING_HISTORY_LOCKED).',
  })
  from!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The new amount of each occurrence, in the budget currency.',
  })
  amount?: string | null;
  @Field(() => String, { nullable: true, description: 'The new category id or alias.' })
  categoryId?: string | null;
  @Field(() => String, { nullable: true, description: 'The new description of each occurrence.' })
  description?: string | null;
  @Field(() => RecurringFrequency, { nullable: true, description: 'The new frequency.' })
  frequency?: RecurringFrequency | null;
  @Field(() => Int, {
    nullable: true,
    description: `The new day; required when the frequency changes to WEEKLY, MONTHLY or YEARLY. ${DAY_NUMBER}`,
  })
  dayNumber?: number | null;
  @Field(() => Int, { nullable: true, description: 'The new interval (1–366).' })
  interval?: number | null;
  @Field(() => Int, { nullable: true, description: 'YEARLY: the new month (1–12).' })
  monthOfYear?: number | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The new last possible occurrence (on or after `from`); the current one when absent.',
  })
  endOn?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The money account the occurrences from `from` on move; the current one when absent (send the default account’s id to go back to it). Unknown or another person’s: NOT_FOUND (MONEY_ACCOUNT_NOT_FOUND); archived: BAD_USER_INPUT (RECURRING_ACCOUNT_ARCHIVED); nothing is written.',
  })
  accountId?: string | null;
}

@ObjectType({ description: 'The result of `updateRecurringTransaction`.' })
export class UpdateRecurringTransactionPayload {
  @Field(() => RecurringTransaction, {
    description:
      'The rule in force from `from` on: the same id when nothing had been posted and `from` was on or before its first day, else a new recurring transaction starting on `from` (its `previousId` names the old one).',
  })
  recurringTransaction!: RecurringTransaction;
  @Field(() => RecurringTransaction, {
    nullable: true,
    description:
      'The rule as it stays before `from`, now ending the day before; null when the rule was changed in place.',
  })
  previous!: RecurringTransaction | null;
}

@ObjectType({
  description:
    'What one upcoming occurrence does to its day, from the engine’s month computation (domain §4) run without and with it; nothing is stored. Money in the budget currency, exact to the minor unit. Occurrences of the same month count in date order: “before” already holds the upcoming occurrences before this one.',
})
export class RecurringDayEffect {
  @Field(() => Money, {
    description:
      'The category’s remaining on that day before this occurrence (allocation − spending; for a fixed category such as a bill, the month’s allocation − its spending so far, because bills are monthly).',
  })
  categoryRemainingBefore!: Money;
  @Field(() => Money, { description: 'The same with this occurrence booked.' })
  categoryRemainingAfter!: Money;
  @Field(() => Money, {
    description: 'The day’s allocation − spending over every category, before this occurrence.',
  })
  dayRemainingBefore!: Money;
  @Field(() => Money, {
    description:
      'The same with this occurrence booked. An overspend is covered from later days of the month, so the day may lose less than the amount.',
  })
  dayRemainingAfter!: Money;
  @Field(() => Money, {
    description:
      'Moved onto this day from later days (donors) to cover what this occurrence overspends.',
  })
  coveredFromLaterDays!: Money;
  @Field(() => Money, {
    description:
      'Overspend this occurrence causes that no donor covers: the month’s deficit grows by it.',
  })
  uncovered!: Money;
}

@ObjectType({ description: 'An occurrence of a recurring transaction that is not posted yet.' })
export class UpcomingRecurringOccurrence {
  @Field(() => LocalDateScalar, {
    description: 'The local day (budget time zone) it will post on.',
  })
  date!: string;
  @Field(() => RecurringTransaction, { description: 'The recurring transaction it belongs to.' })
  recurringTransaction!: RecurringTransaction;
  @Field(() => Money, { description: 'What it will book, in the budget currency.' })
  amount!: Money;
  @Field(() => String, { description: 'The category it will be booked on.' })
  categoryId!: string;
  @Field(() => String, { description: 'Its description (may be empty).' })
  description!: string;
  @Field(() => RecurringDayEffect, {
    nullable: true,
    description:
      'What it does to that day’s budget; null when its month has no plan yet (a month’s plan is made at its start).',
  })
  effect!: RecurringDayEffect | null;
}

export function toUpcomingOccurrence(item: UpcomingOccurrence): UpcomingRecurringOccurrence {
  const { recurring, effect } = item;
  const money = (minor: number) => toMoney(minor, recurring.currency);
  return Object.assign(new UpcomingRecurringOccurrence(), {
    date: item.date,
    recurringTransaction: toRecurringTransaction(recurring),
    amount: money(recurring.amountMinor),
    categoryId: recurring.categoryId,
    description: recurring.description,
    effect: effect
      ? Object.assign(new RecurringDayEffect(), {
          categoryRemainingBefore: money(effect.categoryRemainingBeforeMinor),
          categoryRemainingAfter: money(effect.categoryRemainingAfterMinor),
          dayRemainingBefore: money(effect.dayRemainingBeforeMinor),
          dayRemainingAfter: money(effect.dayRemainingAfterMinor),
          coveredFromLaterDays: money(effect.coveredMinor),
          uncovered: money(effect.uncoveredMinor),
        })
      : null,
  });
}
