import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalDate } from '@pace/engine';
// Table files reference each other directly: drizzle-kit loads them alone, without the features' code.
// eslint-disable-next-line no-restricted-imports
import { users } from '../accounts/user.table';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A person's attempts at catalogue challenges (domain §6). An attempt is open until it is left,
 * completed or failed; each outcome is recorded once and never changes. Progress itself is never
 * stored: it is computed from the ledger.
 */
export const challengeParticipations = pgTable(
  'challenge_participations',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The catalogue id (engine `CHALLENGE_CATALOGUE`). */
    challengeId: text('challenge_id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    endsOn: date('ends_on', { mode: 'string' }).$type<LocalDate>().notNull(),
    /** A capped challenge's cap, fixed at join from the person's plan; null otherwise. */
    capMinor: bigint('cap_minor', { mode: 'number' }),
    currency: char('currency', { length: 3 }),
    joinedAt: instant('joined_at').notNull(),
    leftAt: instant('left_at'),
    completedAt: instant('completed_at'),
    failedAt: instant('failed_at'),
  },
  (table) => [
    index('challenge_participations_user_idx').on(table.userId, table.joinedAt),
    // At most one open attempt per person and challenge: joining twice cannot race into two.
    uniqueIndex('challenge_participations_open_idx')
      .on(table.userId, table.challengeId)
      .where(
        sql`${table.leftAt} is null and ${table.completedAt} is null and ${table.failedAt} is null`,
      ),
  ],
);

export type ChallengeParticipationRow = typeof challengeParticipations.$inferSelect;
