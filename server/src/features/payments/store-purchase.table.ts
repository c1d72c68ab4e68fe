import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * App Store and Google Play purchases that granted premium, one row per purchase (Apple's original
 * transaction id, Google's purchase token): the account that claimed it first keeps it.
 */
export const storePurchases = pgTable(
  'store_purchases',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: text('platform').$type<'app_store' | 'play_store'>().notNull(),
    purchaseId: text('purchase_id').notNull(),
    productId: text('product_id').notNull(),
    /** The end of the paid period the store last reported. */
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('store_purchases_purchase_idx').on(table.platform, table.purchaseId),
    index('store_purchases_user_idx').on(table.userId),
  ],
);

export type StorePurchaseRow = typeof storePurchases.$inferSelect;
