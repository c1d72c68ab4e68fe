import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A person's invite code, made the first time they ask for it; codes are unique. */
export const referralCodes = pgTable(
  'referral_codes',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [uniqueIndex('referral_codes_code_key').on(table.code)],
);

/** Who invited whom: `user_id` is the referrer. A person joins with at most one code. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    inviteeId: uuid('invitee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('referrals_invitee_key').on(table.inviteeId),
    index('referrals_user_idx').on(table.userId),
  ],
);

/**
 * The one decision on a referral's reward, taken when the invitee completes onboarding. Its primary
 * key is the referral: a retried or concurrent completion cannot decide (or grant) twice.
 */
export const referralRewards = pgTable(
  'referral_rewards',
  {
    referralId: uuid('referral_id')
      .primaryKey()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    /** The referrer. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    outcome: text('outcome').$type<'granted' | 'refused'>().notNull(),
    /** Why it was refused (self_referral, same_device, same_payment_method); null when granted. */
    reason: text('reason'),
    referrerDays: integer('referrer_days').notNull(),
    inviteeDays: integer('invitee_days').notNull(),
    decidedAt: instant('decided_at').notNull(),
  },
  (table) => [index('referral_rewards_user_idx').on(table.userId)],
);

/** The SHA-256 of the device id a person signed up from (never the id itself). */
export const signUpDevices = pgTable(
  'sign_up_devices',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceHash: text('device_hash').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('sign_up_devices_hash_idx').on(table.deviceHash)],
);

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralRewardRow = typeof referralRewards.$inferSelect;
