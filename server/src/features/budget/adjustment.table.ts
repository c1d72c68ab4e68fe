import { bigint, char, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
import { changeSeqColumn } from './budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Manual moves of budget between (category, day) cells of one month, kept like ledger rows: every
 * recompute applies the live ones to the plan, and deleting one undoes it.
 */
export const budgetAdjustments = pgTable(
  'budget_adjustments',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    month: char('month', { length: 7 }).notNull(),
    fromCategoryId: text('from_category_id').notNull(),
    fromOn: date('from_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    toCategoryId: text('to_category_id').notNull(),
    toOn: date('to_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    createdAt: instant('created_at').notNull(),
    deletedAt: instant('deleted_at'),
    /** Position in the user's change feed (changes(since)); renewed by a delete. */
    changeSeq: changeSeqColumn(),
  },
  (table) => [
    index('budget_adjustments_user_month_idx').on(table.userId, table.month),
    index('budget_adjustments_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type BudgetAdjustmentRow = typeof budgetAdjustments.$inferSelect;
