import { and, asc, count, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { LocalDate } from '@pace/engine';
import type { FieldCipher } from '../../infra/crypto/field-cipher';
import type { Db } from '../../infra/db/database';
import { habitCheckIns, habits, moodEntries, type HabitRow, type MoodRow } from './habit.table';

export type HabitChanges = Partial<
  Pick<HabitRow, 'name' | 'frequency' | 'timesPerPeriod' | 'archivedAt'>
> & { updatedAt: Date };

/**
 * A person's habits with their check-ins, and their mood entries. A mood's label and note are
 * encrypted at rest: sealed on write, opened on read, so callers only see plaintext.
 */
export class HabitRepository {
  constructor(
    private readonly db: Db,
    private readonly cipher: FieldCipher,
  ) {}

  /** Habits oldest first; archived ones only when asked. */
  async list(userId: string, includeArchived: boolean): Promise<HabitRow[]> {
    return this.db
      .select()
      .from(habits)
      .where(
        and(eq(habits.userId, userId), includeArchived ? undefined : isNull(habits.archivedAt)),
      )
      .orderBy(asc(habits.createdAt), asc(habits.id));
  }

  async countActive(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(habits)
      .where(and(eq(habits.userId, userId), isNull(habits.archivedAt)));
    return row?.n ?? 0;
  }

  /** A habit by id, whoever owns it (callers check). */
  async find(id: string): Promise<HabitRow | null> {
    const [row] = await this.db.select().from(habits).where(eq(habits.id, id));
    return row ?? null;
  }

  /** Inserts unless the id exists; null when it did (a replay, or another person's id). */
  async insertUnlessExists(row: Omit<HabitRow, 'version'>): Promise<HabitRow | null> {
    const [inserted] = await this.db
      .insert(habits)
      .values(row)
      .onConflictDoNothing({ target: habits.id })
      .returning();
    return inserted ?? null;
  }

  async update(id: string, changes: HabitChanges): Promise<HabitRow> {
    const [row] = await this.db
      .update(habits)
      .set({ ...changes, version: sql`${habits.version} + 1` })
      .where(eq(habits.id, id))
      .returning();
    if (!row) throw new Error('habit vanished while being updated');
    return row;
  }

  /** The check-in days of these habits, by habit, each sorted. */
  async checkInsOf(habitIds: readonly string[]): Promise<Map<string, LocalDate[]>> {
    const byHabit = new Map<string, LocalDate[]>(habitIds.map((id) => [id, []]));
    if (habitIds.length === 0) return byHabit;
    const rows = await this.db
      .select({ habitId: habitCheckIns.habitId, on: habitCheckIns.on })
      .from(habitCheckIns)
      .where(inArray(habitCheckIns.habitId, [...habitIds]))
      .orderBy(asc(habitCheckIns.on));
    for (const row of rows) byHabit.get(row.habitId)?.push(row.on);
    return byHabit;
  }

  /** Adds a check-in; a second one on the same day changes nothing. */
  async addCheckIn(userId: string, habitId: string, on: LocalDate, at: Date): Promise<void> {
    await this.db
      .insert(habitCheckIns)
      .values({ userId, habitId, on, createdAt: at })
      .onConflictDoNothing();
  }

  async removeCheckIn(habitId: string, on: LocalDate): Promise<void> {
    await this.db
      .delete(habitCheckIns)
      .where(and(eq(habitCheckIns.habitId, habitId), eq(habitCheckIns.on, on)));
  }

  /** Mood entries between two local days (both included), oldest first. */
  async moods(userId: string, from: LocalDate, to: LocalDate): Promise<MoodRow[]> {
    const rows = await this.db
      .select()
      .from(moodEntries)
      .where(
        and(eq(moodEntries.userId, userId), gte(moodEntries.on, from), lte(moodEntries.on, to)),
      )
      .orderBy(asc(moodEntries.on));
    return rows.map((row) => openMood(this.cipher, row));
  }

  /** Writes the day's mood: a second entry on the same day replaces the first. */
  async upsertMood(row: MoodRow): Promise<MoodRow> {
    const sealed = sealMood(this.cipher, row);
    const [stored] = await this.db
      .insert(moodEntries)
      .values(sealed)
      .onConflictDoUpdate({
        target: [moodEntries.userId, moodEntries.on],
        set: {
          score: sealed.score,
          label: sealed.label,
          note: sealed.note,
          updatedAt: sealed.updatedAt,
        },
      })
      .returning();
    if (!stored) throw new Error('mood upsert returned nothing');
    return openMood(this.cipher, stored);
  }

  async deleteMood(userId: string, on: LocalDate): Promise<boolean> {
    const deleted = await this.db
      .delete(moodEntries)
      .where(and(eq(moodEntries.userId, userId), eq(moodEntries.on, on)))
      .returning({ on: moodEntries.on });
    return deleted.length > 0;
  }
}

/**
 * The associated data of a mood's encrypted text: bound to its owner and local day (the table's
 * key), so a ciphertext opens only in its own entry and column. A replaced mood is sealed again
 * under the same key, which is the same entry.
 */
export function moodTextContext(column: 'label' | 'note', userId: string, on: string): string {
  return `mood_entries.${column}:${userId}:${on}`;
}

/** A mood as stored: label and note encrypted under the active key. */
function sealMood(cipher: FieldCipher, row: MoodRow): MoodRow {
  return {
    ...row,
    label: cipher.encryptNullable(row.label, moodTextContext('label', row.userId, row.on)),
    note: cipher.encryptNullable(row.note, moodTextContext('note', row.userId, row.on)),
  };
}

/** A stored mood with its label and note decrypted (legacy plaintext comes back as it is). */
function openMood(cipher: FieldCipher, row: MoodRow): MoodRow {
  return {
    ...row,
    label: cipher.decryptNullable(row.label, moodTextContext('label', row.userId, row.on)),
    note: cipher.decryptNullable(row.note, moodTextContext('note', row.userId, row.on)),
  };
}
