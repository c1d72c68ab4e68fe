import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

/**
 * Alerts already sent, by their engine key (`budget:<date>:<category>:<level>`, `pace:<category>`,
 * `large:<transaction>`, `deficit:<month>`): a recompute or a replay never notifies twice, and the
 * pace cooldown reads `sentAt`.
 */
export const alertsSent = pgTable(
  'alerts_sent',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] })],
);

export type AlertSentRow = typeof alertsSent.$inferSelect;
