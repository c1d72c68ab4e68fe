import {
  char,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ParsedReceipt, ReceiptLine } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { transactions } from '../transactions/transaction.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * UPLOADED (stored, job queued) → PROCESSING (OCR running) → PROCESSED or FAILED; then CONFIRMED
 * (one transaction booked) or DISCARDED (image deleted). A failed receipt may be reprocessed.
 */
export const RECEIPT_STATUSES = [
  'UPLOADED',
  'PROCESSING',
  'PROCESSED',
  'FAILED',
  'CONFIRMED',
  'DISCARDED',
] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** Why a receipt's processing failed for good (its job will not try again). */
export const RECEIPT_FAILURES = ['IMAGE_MISSING', 'NO_TEXT', 'OCR_FAILED'] as const;
export type ReceiptFailure = (typeof RECEIPT_FAILURES)[number];

/**
 * A receipt photo and what was read from it. The normalised image lives in the receipt storage
 * under `storage_key` (null once discarded); amounts in `parsed` are minor units of `currency`.
 */
export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: RECEIPT_STATUSES }).notNull(),
    storageKey: text('storage_key'),
    /** The uploaded file's type, by content sniffing (image/jpeg, image/png, image/webp, image/heic). */
    contentType: text('content_type').notNull(),
    /** The uploaded file's size. */
    sizeBytes: integer('size_bytes').notNull(),
    ocrProvider: text('ocr_provider'),
    ocrLines: jsonb('ocr_lines').$type<ReceiptLine[]>(),
    parsed: jsonb('parsed').$type<ParsedReceipt>(),
    /** The currency of the parsed amounts: the detected one, else the person's at parse time. */
    currency: char('currency', { length: 3 }),
    /** 0..1 */
    progress: real('progress').notNull().default(0),
    stage: text('stage'),
    /** Processing runs started (retries and reprocessing included). */
    attempts: integer('attempts').notNull().default(0),
    failureCode: text('failure_code', { enum: RECEIPT_FAILURES }),
    failureMessage: text('failure_message'),
    transactionId: uuid('transaction_id').references(() => transactions.id, {
      onDelete: 'set null',
    }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    processedAt: instant('processed_at'),
    /** The change number of the last status change, for `changes(since)` (receipt entries). */
    changeSeq: changeSeqColumn(),
  },
  (table) => [
    index('receipts_user_created_idx').on(table.userId, table.createdAt, table.id),
    index('receipts_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type ReceiptRow = typeof receipts.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Receipt images kept in the database (RECEIPT_STORAGE=database), for deployments whose API nodes
 * and workers share no directory. Keyed like the directory storage; deleted with the person.
 */
export const receiptImages = pgTable(
  'receipt_images',
  {
    storageKey: text('storage_key').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    data: bytea('data').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('receipt_images_user_idx').on(table.userId)],
);
