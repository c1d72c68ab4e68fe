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
/** Where a conversion rate came from: the ECB feed, a rate the person entered, a card statement. */
export const FX_RATE_SOURCES = ['ecb', 'manual', 'statement'] as const;
export type FxRateSource = (typeof FX_RATE_SOURCES)[number];
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
    /** The money account it moved (accounts feature); null is the person's default account. */
    accountId: uuid('account_id'),
    /** Paid in another currency: the amount as paid, in minor units of `original_currency`. */
    originalAmountMinor: bigint('original_amount_minor', { mode: 'number' }),
    /** ISO 4217 code of the currency paid in; null when paid in the budget currency. */
    originalCurrency: char('original_currency', { length: 3 }),
    /** Budget-currency units per one unit of the original currency, an exact decimal string. */
    fxRate: text('fx_rate'),
    /** The local date whose rate was used (may be earlier than `booked_on` when none was known). */
    fxRateOn: date('fx_rate_on', { mode: 'string' }).$type<LocalDate>(),
    /** Where the rate came from. */
    fxRateSource: text('fx_rate_source', { enum: FX_RATE_SOURCES }),
    /** Parts of one split payment share this id (splits feature); null for a plain transaction. */
    splitId: uuid('split_id'),
    /** Free tags, lower-cased and trimmed, each at most 40 characters. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** In a shared household budget: the member who booked it; null is the budget's owner. */
    memberId: uuid('member_id'),
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
    index('transactions_user_account_idx').on(table.userId, table.accountId, table.bookedOn),
    index('transactions_split_idx')
      .on(table.splitId)
      .where(sql`${table.splitId} is not null`),
    index('transactions_tags_idx').using('gin', table.tags),
    uniqueIndex('transactions_user_external_id_idx')
      .on(table.userId, table.externalId)
      .where(sql`${table.externalId} is not null`),
  ],
);

export type TransactionRow = typeof transactions.$inferSelect;
