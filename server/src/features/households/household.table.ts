import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
// eslint-disable-next-line no-restricted-imports
import { changeSeqColumn } from '../budget/budget.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const HOUSEHOLD_ROLES = ['owner', 'member', 'viewer'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];
/** The roles an invitation may offer: there is one owner, whose budget the household shares. */
export const INVITABLE_ROLES = ['member', 'viewer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/**
 * A shared budget: the owner's own budget, planned and spent from by every member. One per owner;
 * `change_seq` moves on every change of its members so each member's devices sync it.
 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull().default(''),
    version: integer('version').notNull().default(1),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [uniqueIndex('households_owner_key').on(table.ownerId)],
);

export type HouseholdRow = typeof households.$inferSelect;

/**
 * Who belongs to a household, with their role. A person is in at most one household at a time;
 * leaving keeps the row as a tombstone (`left_at`) so the leaver's devices learn it through sync.
 */
export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: HOUSEHOLD_ROLES }).notNull(),
    joinedAt: instant('joined_at').notNull(),
    leftAt: instant('left_at'),
    changeSeq: changeSeqColumn(),
  },
  (table) => [
    uniqueIndex('household_members_current_key')
      .on(table.userId)
      .where(sql`${table.leftAt} is null`),
    index('household_members_household_idx').on(table.householdId),
    index('household_members_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type HouseholdMemberRow = typeof householdMembers.$inferSelect;

/** E-mailed invitations; only the SHA-256 of a link's token is stored, and a link works once. */
export const householdInvites = pgTable(
  'household_invites',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    /** The invited address, lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: INVITABLE_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: instant('expires_at').notNull(),
    acceptedAt: instant('accepted_at'),
    acceptedBy: uuid('accepted_by'),
    revokedAt: instant('revoked_at'),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('household_invites_hash_key').on(table.tokenHash),
    index('household_invites_household_idx').on(table.householdId, table.createdAt),
  ],
);

export type HouseholdInviteRow = typeof householdInvites.$inferSelect;
