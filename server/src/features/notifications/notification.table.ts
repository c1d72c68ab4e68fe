import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const NOTIFICATION_TYPES = [
  'budget_level',
  'pace',
  'large_transaction',
  'deficit',
  'goal_milestone',
  'win',
  'morning',
  'webhook_disabled',
  'bill_due',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_CHANNELS = ['push', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The facts a notification's words are made from (the PWA words them in the person's language). */
export type NotificationParams = Record<string, string | number | null>;

/** In-app notifications: always stored, whatever the channels; read when `readAt` is set. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).$type<NotificationType>().notNull(),
    groupKey: text('group_key').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull(),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt, table.id)],
);

/**
 * Deduplication (domain §5 cooldowns): the last time a group key made a notification. Claiming a
 * key is one upsert that succeeds only outside its window, so two jobs cannot both claim it.
 */
export const notificationGroups = pgTable(
  'notification_groups',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    lastAt: instant('last_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.groupKey] })],
);

/** Per person: which types are on, on which channels, and the quiet hours (local minutes). */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Types switched off (absent: on). */
  disabledTypes: jsonb('disabled_types').$type<NotificationType[]>().notNull(),
  pushEnabled: boolean('push_enabled').notNull(),
  emailEnabled: boolean('email_enabled').notNull(),
  /** Minutes after local midnight; both null: no quiet hours. */
  quietStartMinute: integer('quiet_start_minute'),
  quietEndMinute: integer('quiet_end_minute'),
  updatedAt: instant('updated_at').notNull(),
});

/** Web Push subscriptions of a person's browsers (endpoint + keys, as PushSubscription.toJSON()). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [uniqueIndex('push_subscriptions_endpoint_idx').on(table.endpoint)],
);

/** Devices of the Capacitor app registered for FCM (Android and iOS through Firebase). */
export const pushDevices = pgTable(
  'push_devices',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The FCM token, encrypted at rest (bound to `token_hash`). */
    token: text('token').notNull(),
    /** SHA-256 of the token (base64url): how a token registered again or removed is found. */
    tokenHash: text('token_hash').notNull(),
    platform: text('platform').$type<'android' | 'ios'>().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [uniqueIndex('push_devices_token_hash_idx').on(table.tokenHash)],
);

/** The daily schedule's runs: one per person and local day, so a doubled tick does nothing. */
export const notificationDailyRuns = pgTable(
  'notification_daily_runs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).$type<LocalDate>().notNull(),
    ranAt: instant('ran_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.on] })],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationSettingsRow = typeof notificationSettings.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type PushDeviceRow = typeof pushDevices.$inferSelect;
