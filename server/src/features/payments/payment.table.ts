import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every payment-provider event handled, by the provider's event id: a replayed event finds its id
 * here and changes nothing.
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    eventId: text('event_id').primaryKey(),
    provider: text('provider').$type<'stripe'>().notNull(),
    type: text('type').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** What it did: premium_granted, premium_revoked or ignored. */
    outcome: text('outcome').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (table) => [index('payment_events_user_idx').on(table.userId)],
);

/** The provider's customer of a person, so later events (renewals, cancellations) find them. */
export const paymentCustomers = pgTable(
  'payment_customers',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').$type<'stripe'>().notNull(),
    customerId: text('customer_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [uniqueIndex('payment_customers_customer_idx').on(table.provider, table.customerId)],
);

export type PaymentEventRow = typeof paymentEvents.$inferSelect;
export type PaymentCustomerRow = typeof paymentCustomers.$inferSelect;
