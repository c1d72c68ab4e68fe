import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A feature switch: on for everyone, for a share of people, or for chosen people only. */
export const featureFlags = pgTable('feature_flags', {
  key: text('key').primaryKey(),
  description: text('description').notNull().default(''),
  enabled: boolean('enabled').notNull().default(false),
  /** 0–100: the share of people it is on for (deterministic by user id) when not on for all. */
  rolloutPercent: integer('rollout_percent').notNull().default(0),
  updatedAt: instant('updated_at').notNull(),
});

/** One person's override of a flag: on or off whatever the flag says. */
export const featureFlagUsers = pgTable(
  'feature_flag_users',
  {
    flagKey: text('flag_key')
      .notNull()
      .references(() => featureFlags.key, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.flagKey, table.userId] })],
);

export type FeatureFlagRow = typeof featureFlags.$inferSelect;
export type FeatureFlagUserRow = typeof featureFlagUsers.$inferSelect;
