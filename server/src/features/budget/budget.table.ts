import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  integer,
  json,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  uniqueIndex,
  index,
} from 'drizzle-orm/pg-core';
import type { LocalDate, Plan, PlanSettings, RolloverMode } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';
import type { StoredSnapshot } from './month-snapshot.rules';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One sequence orders every synced write (settings, plans, transactions). A user's writes are
 * serialised on their settings row, so their sequence numbers commit in order and
 * `changes(since)` can page by number without missing a row.
 */
export const changeSeq = pgSequence('change_seq', { startWith: 1 });

/** The next change number, for inserts and updates of synced rows. */
export const nextChangeSeq = () => sql<number>`nextval('change_seq')`;

export const changeSeqColumn = () =>
  bigint('change_seq', { mode: 'number' })
    .notNull()
    .default(sql`nextval('change_seq')`);

/** What a user's plans are made from (domain §3); one row per user, created by onboarding. */
export const budgetSettings = pgTable('budget_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The client-generated id of the onboarding that created the row (replays return it). */
  onboardingId: uuid('onboarding_id'),
  currency: char('currency', { length: 3 }).notNull(),
  timeZone: text('time_zone').notNull(),
  /** The engine's plan settings (income, bills, savings, habits) as JSON. */
  planSettings: jsonb('plan_settings').$type<PlanSettings>().notNull(),
  rollover: text('rollover', { enum: ['spread', 'next_day', 'savings'] })
    .$type<RolloverMode>()
    .notNull()
    .default('spread'),
  /** The person's own "large transaction" threshold (minor units); null: the currency's default. */
  largeTransactionMinor: bigint('large_transaction_minor', { mode: 'number' }),
  version: integer('version').notNull().default(1),
  changeSeq: changeSeqColumn(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export type BudgetSettingsRow = typeof budgetSettings.$inferSelect;

/** A month plan as the engine generated it (per category, per day allocations). */
export const budgetPlans = pgTable(
  'budget_plans',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    month: char('month', { length: 7 }).notNull(),
    plan: jsonb('plan').$type<Plan>().notNull(),
    version: integer('version').notNull().default(1),
    /**
     * Bumped by every write that changes what the month computes to (ledger, plan, adjustments,
     * settings): a stored snapshot of an older revision is stale. Not part of sync.
     */
    revision: integer('revision').notNull().default(0),
    changeSeq: changeSeqColumn(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('budget_plans_user_month_key').on(table.userId, table.month),
    index('budget_plans_user_seq_idx').on(table.userId, table.changeSeq),
  ],
);

export type BudgetPlanRow = typeof budgetPlans.$inferSelect;

/**
 * The month as last computed by a read: what budget reads serve while the plan's revision and the
 * local day are unchanged. Writes do not store it (they only bump the revision); the next read
 * recomputes. Derived data: it can always be recomputed from plan + ledger.
 */
export const budgetMonthSnapshots = pgTable(
  'budget_month_snapshots',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    month: char('month', { length: 7 }).notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => budgetPlans.id, { onDelete: 'cascade' }),
    /** The plan's `revision` the snapshot was computed at. */
    planRevision: integer('plan_revision').notNull().default(0),
    /** The local "today" the month was computed for (rollovers depend on it). */
    computedFor: date('computed_for', { mode: 'string' }).$type<LocalDate>().notNull(),
    /** Columnar JSON (month-snapshot.rules); `json`, not `jsonb`: it is only ever read whole. */
    snapshot: json('snapshot').$type<StoredSnapshot>().notNull(),
    computedAt: instant('computed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.month] })],
);

export type BudgetMonthSnapshotRow = typeof budgetMonthSnapshots.$inferSelect;
