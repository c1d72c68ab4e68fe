import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Single-use links proving a person receives mail at an address; only their SHA-256 is stored.
 * A token verifies the address it was sent to, never a later one.
 */
export const emailVerificationTokens = pgTable(
  'email_verification_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** The address the link was mailed to. */
    email: text('email').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('email_verification_tokens_hash_key').on(table.tokenHash),
    index('email_verification_tokens_user_idx').on(table.userId, table.createdAt),
  ],
);

export type EmailVerificationTokenRow = typeof emailVerificationTokens.$inferSelect;

/**
 * Which optional mails a person receives (absent row: the defaults). Notification e-mails are
 * switched by `notification_settings.email_enabled`, not here; security mails cannot be switched off.
 */
export const emailPreferences = pgTable('email_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  productNews: boolean('product_news').notNull(),
  /**
   * Random per person: unsubscribe links are HMACs under it (only this server can make them).
   * Named `secret` so the data export leaves it out.
   */
  unsubscribeSecret: text('secret').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export type EmailPreferencesRow = typeof emailPreferences.$inferSelect;
