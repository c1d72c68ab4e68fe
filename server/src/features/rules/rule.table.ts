import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** How a rule's text compares (kept here: drizzle-kit loads table files alone). */
export const RULE_TEXT_MATCHES = ['contains', 'glob'] as const;

/**
 * A person's categorisation rules, tried in `position` order on every transaction written without
 * a category picked (created, imported, quick). Conditions left null hold for everything; a rule
 * has at least one condition and one action. Deletes are tombstones, so devices learn of them.
 */
export const categoryRules = pgTable(
  'category_rules',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 0 is tried first; live rules are numbered 0…n−1 after every move. */
    position: integer('position').notNull(),
    /** In the payee or the description: a phrase (contains) or a whole-text glob (`*`, `?`). */
    textPattern: text('text_pattern'),
    textMatch: text('text_match', { enum: RULE_TEXT_MATCHES }).notNull().default('contains'),
    minAmountMinor: bigint('min_amount_minor', { mode: 'number' }),
    maxAmountMinor: bigint('max_amount_minor', { mode: 'number' }),
    /** Only transactions of this money account (the accounts feature owns the ids). */
    accountId: uuid('account_id'),
    setCategoryId: text('set_category_id'),
    renameMerchant: text('rename_merchant'),
    addTags: text('add_tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    deletedAt: instant('deleted_at'),
  },
  (table) => [
    index('category_rules_user_position_idx').on(table.userId, table.position),
    index('category_rules_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type CategoryRuleRow = typeof categoryRules.$inferSelect;
