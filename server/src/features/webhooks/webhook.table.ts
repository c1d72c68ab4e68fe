import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** What an integrator can subscribe an endpoint to; `webhook.test` only comes from sendTestWebhook. */
export const WEBHOOK_EVENT_TYPES = [
  'transaction.created',
  'transaction.updated',
  'transaction.deleted',
  'budget.updated',
  'budget.alert',
  'goal.milestone',
  'notification.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export type WebhookDeliveryType = WebhookEventType | 'webhook.test';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * An integrator's HTTPS endpoint. The secret signs deliveries, so it must be readable: stored
 * encrypted (infra/crypto, bound to the endpoint id) and never returned after creation or rotation.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    eventTypes: jsonb('event_types').$type<WebhookEventType[]>().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull(),
    /** Since when every delivery attempt failed (null: the last attempt succeeded). */
    failingSince: instant('failing_since'),
    disabledAt: instant('disabled_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [index('webhook_endpoints_user_idx').on(table.userId, table.createdAt)],
);

/** One event for one endpoint; its body is fixed when created, so a replay sends the same bytes. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The event's id (`id` of the body): the same for every endpoint it went to. */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').$type<WebhookDeliveryType>().notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES })
      .$type<WebhookDeliveryStatus>()
      .notNull(),
    /** Attempts made in the current round. */
    attemptCount: integer('attempt_count').notNull(),
    /** Bumped by a replay, so the replay's attempts run as a new series. */
    round: integer('round').notNull(),
    nextAttemptAt: instant('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    createdAt: instant('created_at').notNull(),
    completedAt: instant('completed_at'),
  },
  (table) => [
    index('webhook_deliveries_endpoint_idx').on(table.endpointId, table.createdAt, table.id),
    index('webhook_deliveries_user_idx').on(table.userId),
    // The sweep's due query: status = 'pending' and next_attempt_at <= now.
    index('webhook_deliveries_due_idx').on(table.status, table.nextAttemptAt),
    // The retention clean-up: finished deliveries completed before the cut-off.
    index('webhook_deliveries_completed_idx').on(table.completedAt),
  ],
);

/** Every HTTP attempt of a delivery, with what the receiver answered. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    startedAt: instant('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    /** The first characters of the response body. */
    responseSnippet: text('response_snippet'),
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
  },
  (table) => [index('webhook_attempts_delivery_idx').on(table.deliveryId, table.number)],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
