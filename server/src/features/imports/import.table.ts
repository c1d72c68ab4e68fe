import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * A large import, run by a job instead of inside the request: its request (the file, kept until
 * it is done), how far it got, and how it ended. The committed report itself is written to
 * `transaction_imports` with the rows, as for a small import.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull(),
  /** 0–100. */
  progress: integer('progress').notNull(),
  totalRows: integer('total_rows').notNull(),
  request: jsonb('request').$type<Record<string, unknown> | null>(),
  /** The finished import's report (also when a strict import committed nothing). */
  report: jsonb('report').$type<Record<string, unknown> | null>(),
  /** Why it failed: an error reason for a file that can never import, or INTERNAL. */
  failure: text('failure'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export type ImportJobRow = typeof importJobs.$inferSelect;
