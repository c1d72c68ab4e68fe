import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

/**
 * One committed import per client `importId`: a replay of the same id returns the stored report
 * and imports nothing again. Written in the same database transaction as the imported rows.
 */
export const transactionImports = pgTable('transaction_imports', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  format: text('format').notNull(),
  report: jsonb('report').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export type TransactionImportRow = typeof transactionImports.$inferSelect;
