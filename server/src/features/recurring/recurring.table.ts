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

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A transaction that repeats: monthly on a day (clamped to the month's end) or weekly on a
 * weekday, from `startOn` to `endOn` (inclusive, open when null). A scheduled job posts each due
 * occurrence once, with an id derived from (recurring id, date).
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
    frequency: text('frequency', { enum: ['monthly', 'weekly'] }).notNull(),
    /** Day of the month (1–31) for monthly, weekday (0 Sunday … 6 Saturday) for weekly. */
    dayNumber: integer('day_number').notNull(),
    startOn: date('start_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    endOn: date('end_on', { mode: 'string' }).$type<LocalDate>(),
    /** The last occurrence date posted; the job resumes after it. */
    postedThrough: date('posted_through', { mode: 'string' }).$type<LocalDate>(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('recurring_transactions_user_idx').on(table.userId)],
);

export type RecurringTransactionRow = typeof recurringTransactions.$inferSelect;
