import {
  bigint,
  char,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

/** How a schedule repeats (kept here: drizzle-kit loads table files alone). */
export const RECURRING_FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly', 'month_end'] as const;

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A transaction that repeats every `interval` days, weeks (on a weekday), months (on a day, clamped
 * to the month's end, or on its last day) or years (month + day), from `startOn` to `endOn`
 * (inclusive, open when null). A scheduled job posts each due occurrence once, with an id derived
 * from (recurring id, date): the transactions' primary key is the unique constraint. An edit from a
 * date on ends this row the day before and starts a new one (`previousId` names this row). Rows
 * are never deleted, only ended; every write (posting included) takes a new change number, so
 * devices keep an offline copy through `changes(since)`.
 */
export const recurringTransactions = pgTable(
  'recurring_transactions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    categoryId: text('category_id').notNull(),
    description: text('description').notNull().default(''),
    frequency: text('frequency', { enum: RECURRING_FREQUENCIES }).notNull(),
    /** Every this many days / weeks / months / years. */
    interval: integer('interval').notNull().default(1),
    /** Day of the month (1–31) for monthly and yearly, weekday (0 Sunday … 6 Saturday) for weekly. */
    dayNumber: integer('day_number').notNull(),
    /** The month (1–12) of a yearly schedule. */
    monthOfYear: integer('month_of_year'),
    /** Where "every N" counts from; null: `startOn`. Kept across an edit from a date on. */
    anchorOn: date('anchor_on', { mode: 'string' }).$type<LocalDate>(),
    /** The row this one continues after an edit from a date on. */
    previousId: uuid('previous_id'),
    startOn: date('start_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    endOn: date('end_on', { mode: 'string' }).$type<LocalDate>(),
    /**
     * The money account every occurrence moves; null: the default account. Posting falls back to
     * the default account while this one is archived.
     */
    accountId: uuid('account_id'),
    /** In a shared household budget: the member who set it up, stamped on every occurrence. */
    memberId: uuid('member_id'),
    /** The last occurrence date posted; the job resumes after it. */
    postedThrough: date('posted_through', { mode: 'string' }).$type<LocalDate>(),
    createdAt: instant('created_at').notNull(),
    changeSeq: changeSeqColumn(),
  },
  (table) => [
    index('recurring_transactions_user_idx').on(table.userId),
    index('recurring_transactions_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type RecurringTransactionRow = typeof recurringTransactions.$inferSelect;
