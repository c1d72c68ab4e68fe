import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Advice, LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

export const ADVICE_SOURCES = ['ai', 'rules'] as const;
export type AdviceSource = (typeof ADVICE_SOURCES)[number];

/** The day's advice per person (domain: cached per local day): written once, read all day. */
export const adviceDaily = pgTable(
  'advice_daily',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).$type<LocalDate>().notNull(),
    source: text('source', { enum: ADVICE_SOURCES }).$type<AdviceSource>().notNull(),
    /** The model that wrote it (source ai), null for the rule-based advisor. */
    model: text('model'),
    /** Why the AI advisor was not used although configured (its error, never a secret). */
    fallbackReason: text('fallback_reason'),
    advice: jsonb('advice').$type<Advice>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.on] })],
);

export type AdviceRow = typeof adviceDaily.$inferSelect;
