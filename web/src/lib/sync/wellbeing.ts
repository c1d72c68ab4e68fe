import type { HabitRecord, MoodRecord, PaceDatabase } from '@/lib/db';
import { SYNC_HABITS, SYNC_MOODS } from '@/features/sync/sync.operations';
import { readAllPages } from '@/lib/graphql/all-pages';
import type {
  SyncHabitFieldsFragment,
  SyncMoodFieldsFragment,
  SyncHabitsQuery,
  SyncMoodsQuery,
} from '@/lib/graphql/generated';
import { enqueue, notifyLocalWrite } from './outbox';
import type { GraphqlTransport } from './transport';

/**
 * Habits and moods on this device: each write changes the mirror at once (pending) and queues its
 * mutation in the same IndexedDB transaction, like every local write. Check-ins and moods are
 * idempotent per day on the server, so a replay after a lost answer is harmless. They are not part
 * of `changes(since)`: `pullWellbeing` reads them whole when the habits screen is open.
 */

export const moodRecordId = (on: string) => `mood:${on}`;

export function habitRecordOf(habit: SyncHabitFieldsFragment): HabitRecord {
  return {
    id: habit.id,
    name: habit.name,
    frequency: habit.frequency.toLowerCase() as HabitRecord['frequency'],
    timesPerPeriod: habit.timesPerPeriod,
    startedOn: habit.startedOn,
    archivedAt: habit.archivedAt,
    checkIns: [...habit.checkIns],
    version: habit.version,
    createdAt: habit.createdAt,
    pending: 0,
  };
}

export function moodRecordOf(mood: SyncMoodFieldsFragment): MoodRecord {
  return { on: mood.on, score: mood.score, label: mood.label, note: mood.note, pending: 0 };
}

async function write(db: PaceDatabase, work: () => Promise<void>): Promise<void> {
  await db.transaction('rw', db.habits, db.moods, db.outbox, work);
  notifyLocalWrite();
}

export interface NewHabit {
  name: string;
  frequency: HabitRecord['frequency'];
  timesPerPeriod: number;
  /** Today on this device (the person's local day). */
  today: string;
}

/** Creates a habit starting today; returns its id. */
export async function createHabit(db: PaceDatabase, input: NewHabit): Promise<string> {
  const id = crypto.randomUUID();
  const name = input.name.trim();
  await write(db, async () => {
    await db.habits.add({
      id,
      name,
      frequency: input.frequency,
      timesPerPeriod: input.timesPerPeriod,
      startedOn: input.today,
      archivedAt: null,
      checkIns: [],
      version: 0,
      createdAt: new Date().toISOString(),
      pending: 1,
    });
    await enqueue(db, 'createHabit', id, {
      input: {
        id,
        name,
        frequency: input.frequency.toUpperCase(),
        timesPerPeriod: input.timesPerPeriod,
        startedOn: input.today,
      },
    });
  });
  return id;
}

export interface HabitPatch {
  name?: string;
  frequency?: HabitRecord['frequency'];
  timesPerPeriod?: number;
}

/** Renames a habit or changes how often it is due; folded into its create while unsent. */
export async function editHabit(db: PaceDatabase, id: string, patch: HabitPatch): Promise<void> {
  await write(db, async () => {
    const record = await db.habits.get(id);
    if (!record) return;
    const fields = {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.frequency !== undefined ? { frequency: patch.frequency.toUpperCase() } : {}),
      ...(patch.timesPerPeriod !== undefined ? { timesPerPeriod: patch.timesPerPeriod } : {}),
    };
    await db.habits.update(id, {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.frequency !== undefined ? { frequency: patch.frequency } : {}),
      ...(patch.timesPerPeriod !== undefined ? { timesPerPeriod: patch.timesPerPeriod } : {}),
      pending: 1,
    });
    const queued = (await db.outbox.where('recordId').equals(id).sortBy('seq')).filter(
      (e) => e.operationName === 'createHabit' || e.operationName === 'updateHabit',
    );
    const last = queued.at(-1);
    if (last?.seq !== undefined) {
      const input = { ...(last.variables.input as Record<string, unknown>), ...fields };
      await db.outbox.update(last.seq, { variables: { ...last.variables, input } });
      return;
    }
    await enqueue(db, 'updateHabit', id, { input: { id, ...fields } });
  });
}

/** Archives a habit (its history kept) or brings it back. */
export async function archiveHabit(db: PaceDatabase, id: string, archived: boolean): Promise<void> {
  await write(db, async () => {
    const record = await db.habits.get(id);
    if (!record) return;
    await db.habits.update(id, {
      archivedAt: archived ? new Date().toISOString() : null,
      pending: 1,
    });
    await enqueue(db, 'archiveHabit', id, { id, archived });
  });
}

/** Marks a habit done (or not) on a local day. */
export async function setCheckIn(
  db: PaceDatabase,
  id: string,
  on: string,
  done: boolean,
): Promise<void> {
  await write(db, async () => {
    const record = await db.habits.get(id);
    if (!record) return;
    const days = new Set(record.checkIns);
    if (done) days.add(on);
    else days.delete(on);
    await db.habits.update(id, { checkIns: [...days].sort(), pending: 1 });
    await enqueue(db, 'checkInHabit', id, { habitId: id, on, done });
  });
}

/** Records the mood of a local day; a second one that day replaces it. */
export async function recordMood(
  db: PaceDatabase,
  mood: { on: string; score: number; label?: string | null; note?: string | null },
): Promise<void> {
  const label = mood.label?.trim() ? mood.label.trim() : null;
  const note = mood.note?.trim() ? mood.note.trim() : null;
  await write(db, async () => {
    await db.moods.put({ on: mood.on, score: mood.score, label, note, pending: 1 });
    await enqueue(db, 'logMood', moodRecordId(mood.on), {
      input: { on: mood.on, score: mood.score, label, note },
    });
  });
}

/** Removes the mood of a local day. */
export async function removeMood(db: PaceDatabase, on: string): Promise<void> {
  await write(db, async () => {
    await db.moods.delete(on);
    await enqueue(db, 'deleteMood', moodRecordId(on), { on });
  });
}

/**
 * Reads every habit and the moods since `from` from the server and mirrors them; a habit or mood
 * with a mutation still queued keeps this device's copy (its replay answers for it).
 */
export async function pullWellbeing(
  db: PaceDatabase,
  transport: GraphqlTransport,
  from: string,
): Promise<void> {
  const data = {
    habits: await readAllPages(
      async (after) => (await transport<SyncHabitsQuery>(SYNC_HABITS, { after })).habitsConnection,
    ),
    moods: await readAllPages(
      async (after) =>
        (await transport<SyncMoodsQuery>(SYNC_MOODS, { from, after })).moodsConnection,
    ),
  };
  await db.transaction('rw', db.habits, db.moods, db.outbox, async () => {
    const queued = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
    const habits = new Set(data.habits.map((h) => h.id));
    for (const stale of await db.habits.toCollection().primaryKeys())
      if (!habits.has(stale) && !queued.has(stale)) await db.habits.delete(stale);
    await db.habits.bulkPut(data.habits.filter((h) => !queued.has(h.id)).map(habitRecordOf));
    const moods = new Set(data.moods.map((m) => m.on));
    for (const day of await db.moods.toCollection().primaryKeys())
      if (day >= from && !moods.has(day) && !queued.has(moodRecordId(day)))
        await db.moods.delete(day);
    await db.moods.bulkPut(
      data.moods.filter((m) => !queued.has(moodRecordId(m.on))).map(moodRecordOf),
    );
  });
}
