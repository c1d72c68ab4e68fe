import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CategoryBehaviour, CategoryPriority } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
import { changeSeqColumn } from './budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Categories a user made (domain §2): their own behaviour and priority, synced like plans. */
export const userCategories = pgTable(
  'user_categories',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    behaviour: text('behaviour', { enum: ['fixed', 'spread', 'clustered'] })
      .$type<CategoryBehaviour>()
      .notNull(),
    priority: text('priority', { enum: ['sacred', 'protected', 'flexible', 'discretionary'] })
      .$type<Exclude<CategoryPriority, 'buffer'>>()
      .notNull(),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.id] }),
    index('user_categories_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type UserCategoryRow = typeof userCategories.$inferSelect;
