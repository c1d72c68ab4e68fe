import { bigint, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { GoalStatus, LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const GOAL_STATUSES = ['active', 'paused', 'completed', 'cancelled'] as const;

/**
 * Savings goals (domain §6). What is saved is not stored: contributions are expenses booked on the
 * goal's category (`goal:<id>`), so editing or deleting one undoes it. Deletes are tombstones.
 */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    targetMinor: bigint('target_minor', { mode: 'number' }).notNull(),
    targetOn: date('target_on', { mode: 'string' }).$type<LocalDate>(),
    /** 1 is the most important: the reservation of a less important goal shrinks first. */
    priority: integer('priority').notNull().default(1),
    status: text('status', { enum: GOAL_STATUSES }).$type<GoalStatus>().notNull(),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [
    index('goals_user_idx').on(table.userId, table.createdAt),
    index('goals_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type GoalRow = typeof goals.$inferSelect;
