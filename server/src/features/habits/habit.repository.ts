import { and, asc, count, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { LocalDate } from '@pace/engine';
import type { Db } from '../../infra/db/database';
import { habitCheckIns, habits, moodEntries, type HabitRow, type MoodRow } from './habit.table';

export type HabitChanges = Partial<
  Pick<HabitRow, 'name' | 'frequency' | 'timesPerPeriod' | 'archivedAt'>
> & { updatedAt: Date };

/** A person's habits with their check-ins, and their mood entries. */
export class HabitRepository {
  constructor(private readonly db: Db) {}

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
    return this.db
      .select()
      .from(moodEntries)
      .where(
        and(eq(moodEntries.userId, userId), gte(moodEntries.on, from), lte(moodEntries.on, to)),
      )
      .orderBy(asc(moodEntries.on));
  }

  /** Writes the day's mood: a second entry on the same day replaces the first. */
  async upsertMood(row: MoodRow): Promise<MoodRow> {
    const [stored] = await this.db
      .insert(moodEntries)
      .values(row)
      .onConflictDoUpdate({
        target: [moodEntries.userId, moodEntries.on],
        set: { score: row.score, label: row.label, note: row.note, updatedAt: row.updatedAt },
      })
      .returning();
    if (!stored) throw new Error('mood upsert returned nothing');
    return stored;
  }

  async deleteMood(userId: string, on: LocalDate): Promise<boolean> {
    const deleted = await this.db
      .delete(moodEntries)
      .where(and(eq(moodEntries.userId, userId), eq(moodEntries.on, on)))
      .returning({ on: moodEntries.on });
    return deleted.length > 0;
  }
}
