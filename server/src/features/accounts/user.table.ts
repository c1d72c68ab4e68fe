import {
  char,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const USER_ROLES = ['user', 'admin'] as const;
export const USER_PLANS = ['standard', 'premium'] as const;

/** A person with an account. E-mails are stored lower-cased and are unique. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    /** Null for accounts that only sign in with Google or a passkey. */
    passwordHash: text('password_hash'),
    name: text('name').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** ISO 3166-1 alpha-2 country or region. */
    country: char('country', { length: 2 }).notNull(),
    timeZone: text('time_zone').notNull(),
    locale: text('locale').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull().default('user'),
    plan: text('plan', { enum: USER_PLANS }).notNull().default('standard'),
    /** Who made the plan premium (e.g. `admin`), null on the standard plan. */
    premiumSource: text('premium_source'),
    /** When premium ends; null while it has no end (or on the standard plan). */
    premiumUntil: timestamp('premium_until', { withTimezone: true, mode: 'date' }),
    googleSubject: text('google_subject'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    /** Until when password sign-ins from new devices wait after wrong passwords (sign-in-delay.rules). */
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    /** Locked by an admin: no sign-in of any kind, from any device, before this instant. */
    adminLockedUntil: timestamp('admin_locked_until', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    /** When the person proved they receive mail at `email` (a link, or Google's verified address); null: not yet. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    uniqueIndex('users_google_subject_key').on(table.googleSubject),
  ],
);

export type UserRow = typeof users.$inferSelect;

/** Single-use password reset tokens; only their SHA-256 is stored. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('password_reset_tokens_hash_key').on(table.tokenHash),
    index('password_reset_tokens_user_idx').on(table.userId),
  ],
);

export type PasswordResetTokenRow = typeof passwordResetTokens.$inferSelect;

/**
 * Devices a person signed in on with their password: the device keeps a random proof (only its
 * SHA-256 is stored) and presents it at the next password sign-in, so a stranger's wrong
 * passwords, which slow sign-in from new devices, never slow the owner's own devices.
 */
export const knownDevices = pgTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('known_devices_user_idx').on(table.userId)],
);

export type KnownDeviceRow = typeof knownDevices.$inferSelect;
