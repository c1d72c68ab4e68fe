import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A person's saved way of reading one bank's CSV files, under a name they chose (e.g. the bank):
 * offered again when a file with the same header row (`header_signature`) is imported. Deletes
 * are tombstones, so the person's devices learn of them; a name is unique among live mappings.
 */
export const csvMappings = pgTable(
  'csv_mappings',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The header cells as the file wrote them, and their normalised signature. */
    header: jsonb('header').$type<string[]>().notNull(),
    headerSignature: text('header_signature').notNull(),
    delimiter: text('delimiter').notNull(),
    hasHeader: boolean('has_header').notNull(),
    /** Which column holds which field (`CsvColumns`): header names or 0-based indexes as text. */
    columns: jsonb('columns').$type<Record<string, string | null>>().notNull(),
    dateFormat: text('date_format').notNull(),
    decimalSeparator: text('decimal_separator').notNull(),
    signConvention: text('sign_convention').notNull(),
    /** The money account this bank's files are booked into; null: the default account. */
    accountId: uuid('account_id'),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [
    uniqueIndex('csv_mappings_user_name')
      .on(table.userId, table.name)
      .where(sql`${table.deletedAt} is null`),
    index('csv_mappings_user_signature').on(table.userId, table.headerSignature),
    index('csv_mappings_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type CsvMappingRow = typeof csvMappings.$inferSelect;
