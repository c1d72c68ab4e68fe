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
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One payment spread over several categories. Its parts are ledger rows (`transactions`) sharing
 * `split_id`, so the month computation counts each part in its own category; this row keeps what
 * the parts share (the total, the day, the payee) and the version an edit of the split is based
 * on. The live parts always add up to `total_minor` exactly. Payee and description are encrypted
 * at rest (bound to the row id), like a transaction's merchant and description.
 */
export const splits = pgTable(
  'splits',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    occurredAt: instant('occurred_at').notNull(),
    bookedOn: date('booked_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    payee: text('payee'),
    description: text('description').notNull().default(''),
    /** The live parts' transaction ids in the order the person entered them. */
    partIds: uuid('part_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [index('splits_user_seq_idx').on(table.userId, table.changeSeq)],
);

export type SplitRow = typeof splits.$inferSelect;
