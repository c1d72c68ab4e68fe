import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Synthetic end-to-end checks of the pipeline: an API node records a check and enqueues a job,
 * a worker completes it and publishes an event every node relays to its subscribers.
 */
export const systemChecks = pgTable('system_checks', {
  id: uuid('id').primaryKey(),
  status: text('status', { enum: ['pending', 'completed'] })
    .notNull()
    .default('pending'),
  requestedByNode: text('requested_by_node').notNull(),
  processedByNode: text('processed_by_node'),
  /** How many times a job handler picked the check up; more than 1 means a redelivery. */
  deliveries: integer('deliveries').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
});

export type SystemCheckRow = typeof systemChecks.$inferSelect;
