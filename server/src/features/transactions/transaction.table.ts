import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalDate, TransactionDirection } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const TRANSACTION_DIRECTIONS = ['expense', 'income', 'transfer'] as const;
export const TRANSACTION_SOURCES = [
  'manual',
  'quick',
  'import',
  'receipt',
  'recurring',
  'goal_rollover',
] as const;
export type TransactionSource = (typeof TRANSACTION_SOURCES)[number];

/**
 * The ledger. Amounts are positive minor units with a direction; `booked_on` is the local date
 * derived once, at write time, from `occurred_at` and the user's zone. Deletes are tombstones
 * (`deleted_at`) so devices learn about them through `changes(since)` and a restore is possible.
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    direction: text('direction', { enum: TRANSACTION_DIRECTIONS })
      .$type<TransactionDirection>()
      .notNull(),
    categoryId: text('category_id').notNull(),
    description: text('description').notNull().default(''),
    merchant: text('merchant'),
    occurredAt: instant('occurred_at').notNull(),
    bookedOn: date('booked_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    source: text('source', { enum: TRANSACTION_SOURCES }).notNull().default('manual'),
    /** The bank's own id of an imported row (OFX FITID, a CSV id column): imports skip a known one. */
    externalId: text('external_id'),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [
    index('transactions_user_booked_idx').on(
      table.userId,
      table.bookedOn,
      table.occurredAt,
      table.id,
    ),
    index('transactions_user_seq_idx').on(table.userId, table.changeSeq),
    uniqueIndex('transactions_user_external_id_idx')
      .on(table.userId, table.externalId)
      .where(sql`${table.externalId} is not null`),
  ],
);

export type TransactionRow = typeof transactions.$inferSelect;
