import {
  bigint,
  boolean,
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

/** What kind of money an account holds; cards and loans usually have negative balances. */
export const MONEY_ACCOUNT_KINDS = ['cash', 'checking', 'savings', 'credit_card', 'loan'] as const;
export type MoneyAccountKind = (typeof MONEY_ACCOUNT_KINDS)[number];

/**
 * Where the person's money is: cash, bank accounts, cards, loans. Each account is in the budget
 * currency. Transactions name their account (`transactions.account_id`; null is the default
 * account, the row with `is_default`). Deletes are not offered: an account is archived.
 */
export const moneyAccounts = pgTable(
  'money_accounts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: MONEY_ACCOUNT_KINDS }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** The balance at the start of `opening_on`; negative for money owed (cards, loans). */
    openingBalanceMinor: bigint('opening_balance_minor', { mode: 'number' }).notNull(),
    /** Entries booked before it do not count; null: every entry counts (the default account). */
    openingOn: date('opening_on', { mode: 'string' }).$type<LocalDate>(),
    /** The one account that holds transactions without an account (created on first use). */
    isDefault: boolean('is_default').notNull().default(false),
    isArchived: boolean('is_archived').notNull().default(false),
    /** The last day a statement matched the balance: entries up to it are reconciled. */
    reconciledThrough: date('reconciled_through', { mode: 'string' }).$type<LocalDate>(),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    index('money_accounts_user_idx').on(table.userId),
    index('money_accounts_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type MoneyAccountRow = typeof moneyAccounts.$inferSelect;

/**
 * Money moved between two of the person's accounts. Never income or spending: it changes the two
 * balances and no budget day. Deletes are tombstones (`deleted_at`) so devices learn about them.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromAccountId: uuid('from_account_id')
      .notNull()
      .references(() => moneyAccounts.id, { onDelete: 'cascade' }),
    toAccountId: uuid('to_account_id')
      .notNull()
      .references(() => moneyAccounts.id, { onDelete: 'cascade' }),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    transferredOn: date('transferred_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [
    index('transfers_user_idx').on(table.userId, table.transferredOn),
    index('transfers_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type TransferRow = typeof transfers.$inferSelect;

/** Each statement check of an account: what the statement said and what Pace had. */
export const accountReconciliations = pgTable(
  'account_reconciliations',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => moneyAccounts.id, { onDelete: 'cascade' }),
    statementOn: date('statement_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    statementBalanceMinor: bigint('statement_balance_minor', { mode: 'number' }).notNull(),
    computedBalanceMinor: bigint('computed_balance_minor', { mode: 'number' }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('account_reconciliations_account_idx').on(table.accountId, table.createdAt)],
);

export type AccountReconciliationRow = typeof accountReconciliations.$inferSelect;
