import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SpendingClusters } from '@pace/engine/clusters';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

/**
 * The person's spending clusters as the job last computed them (domain §8), kept until the ledger
 * changes: `ledger_revision` is the ledger's revision (and currency) the result was computed from.
 */
export const spendingClusters = pgTable('spending_clusters', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  ledgerRevision: text('ledger_revision').notNull(),
  /** The engine's CLUSTER_METHOD_VERSION: a result of an older method is recomputed. */
  methodVersion: integer('method_version').notNull(),
  result: jsonb('result').$type<SpendingClusters>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export type SpendingClustersRow = typeof spendingClusters.$inferSelect;
