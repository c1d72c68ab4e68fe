import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Security events. Never holds passwords or tokens. `user_id` has no foreign key: when an account
 * is deleted its events stay, with the user id and IP removed.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    event: text('event').notNull(),
    userId: uuid('user_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull(),
  },
  (table) => [
    index('audit_events_occurred_idx').on(table.occurredAt, table.id),
    index('audit_events_user_idx').on(table.userId),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
