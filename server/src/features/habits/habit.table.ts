import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { HabitFrequency, LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const HABIT_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

/** Habits (domain §6): how often a person means to do something; archived ones keep their history. */
export const habits = pgTable(
  'habits',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    frequency: text('frequency', { enum: HABIT_FREQUENCIES }).$type<HabitFrequency>().notNull(),
    timesPerPeriod: integer('times_per_period').notNull().default(1),
    startedOn: date('started_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    archivedAt: instant('archived_at'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [index('habits_user_idx').on(table.userId, table.createdAt)],
);

/**
 * One row per habit and local day: checking in twice on a day changes nothing. It carries its
 * owner like every person's row, so the data export finds it.
 */
export const habitCheckIns = pgTable(
  'habit_check_ins',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    habitId: uuid('habit_id')
      .notNull()
      .references(() => habits.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).$type<LocalDate>().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.habitId, table.on] })],
);

/** Mood (domain §6): one entry per person and local day, 1–5 with an optional label and note. */
export const moodEntries = pgTable(
  'mood_entries',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    on: date('on', { mode: 'string' }).$type<LocalDate>().notNull(),
    score: smallint('score').notNull(),
    label: text('label'),
    note: text('note'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.on] })],
);

export type HabitRow = typeof habits.$inferSelect;
export type MoodRow = typeof moodEntries.$inferSelect;
