import {
  char,
  date,
  index,
  pgTable,
  primaryKey,
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
 * Published reference rates, shared by everyone: `rate` units of `quote` for one `base` (the ECB
 * publishes against the euro) on a working day, as printed. Cross rates are computed from them.
 */
export const fxRates = pgTable(
  'fx_rates',
  {
    base: char('base', { length: 3 }).notNull(),
    quote: char('quote', { length: 3 }).notNull(),
    rateOn: date('rate_on', { mode: 'string' }).notNull(),
    /** An exact decimal string. */
    rate: text('rate').notNull(),
    source: text('source', { enum: ['ecb'] }).notNull(),
    fetchedAt: instant('fetched_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.base, table.quote, table.rateOn] })],
);

/**
 * Rates a person entered: one `from_currency` is worth `rate` units of `to_currency` on `rate_on`.
 * They win over published rates of the same day, for that person only.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromCurrency: char('from_currency', { length: 3 }).notNull(),
    toCurrency: char('to_currency', { length: 3 }).notNull(),
    rateOn: date('rate_on', { mode: 'string' }).notNull(),
    /** An exact decimal string, as entered. */
    rate: text('rate').notNull(),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('exchange_rates_user_pair_day_idx').on(
      table.userId,
      table.fromCurrency,
      table.toCurrency,
      table.rateOn,
    ),
    index('exchange_rates_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type FxRateRow = typeof fxRates.$inferSelect;
export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
