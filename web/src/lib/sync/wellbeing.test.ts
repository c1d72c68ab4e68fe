import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { replayOutbox } from './replay';
import { GraphqlRequestError, NetworkUnavailableError, type GraphqlTransport } from './transport';
import {
  archiveHabit,
  createHabit,
  editHabit,
  pullWellbeing,
  recordMood,
  removeMood,
  setCheckIn,
} from './wellbeing';

interface ServerHabit {
  id: string;
  name: string;
  frequency: string;
  timesPerPeriod: number;
  startedOn: string;
  archivedAt: string | null;
  checkIns: Set<string>;
  version: number;
  createdAt: string;
}

/** A fake API with the habit and mood rules that matter to the device: idempotent per day. */
function fakeApi() {
  const habits = new Map<string, ServerHabit>();
  const moods = new Map<
    string,
    { on: string; score: number; label: string | null; note: string | null }
  >();
  const calls: string[] = [];
  let online = true;
  const wire = (h: ServerHabit) => ({ ...h, checkIns: [...h.checkIns].sort() });
  const transport: GraphqlTransport = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
  ) => {
    if (!online) throw new NetworkUnavailableError();
    const name = /(?:mutation|query) (\w+)/.exec(query)![1]!;
    calls.push(name);
    const input = (variables.input ?? {}) as Record<string, unknown>;
    switch (name) {
      case 'SyncCreateHabit': {
        const id = input.id as string;
        if (!habits.has(id))
          habits.set(id, {
            id,
            name: input.name as string,
            frequency: input.frequency as string,
            timesPerPeriod: input.timesPerPeriod as number,
            startedOn: input.startedOn as string,
            archivedAt: null,
            checkIns: new Set(),
            version: 1,
            createdAt: '2026-03-10T10:00:00.000Z',
          });
        return { createHabit: { habit: wire(habits.get(id)!) } } as T;
      }
      case 'SyncUpdateHabit': {
        const habit = habits.get(input.id as string)!;
        Object.assign(habit, { ...input, version: habit.version + 1 });
        return { updateHabit: { habit: wire(habit) } } as T;
      }
      case 'SyncArchiveHabit': {
        const habit = habits.get(variables.id as string)!;
        habit.archivedAt = variables.archived ? '2026-03-12T10:00:00.000Z' : null;
        return { archiveHabit: { habit: wire(habit) } } as T;
      }
      case 'SyncCheckInHabit': {
        const habit = habits.get(variables.habitId as string);
        if (!habit) throw new GraphqlRequestError('NOT_FOUND', null);
        if (habit.archivedAt) throw new GraphqlRequestError('CONFLICT', null);
        if (variables.done) habit.checkIns.add(variables.on as string);
        else habit.checkIns.delete(variables.on as string);
        return { checkInHabit: { habit: wire(habit) } } as T;
      }
      case 'SyncLogMood': {
        const mood = {
          on: input.on as string,
          score: input.score as number,
          label: (input.label as string | null) ?? null,
          note: (input.note as string | null) ?? null,
        };
        moods.set(mood.on, mood);
        return { recordMood: { mood } } as T;
      }
      case 'SyncDeleteMood':
        return { clearMood: { removed: moods.delete(variables.on as string) } } as T;
      // Pages of two, so a pull reads more than one page.
      case 'SyncHabits':
        return { habitsConnection: pageOf([...habits.values()].map(wire), variables.after) } as T;
      case 'SyncMoods':
        return {
          moodsConnection: pageOf(
            [...moods.values()].filter((m) => m.on >= (variables.from as string)),
            variables.after,
          ),
        } as T;
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  return { habits, moods, calls, transport, setOnline: (value: boolean) => (online = value) };
}

/** Two items of `items` after the cursor `after` (an index), as a connection page. */
function pageOf<T>(items: T[], after: unknown) {
  const start = after == null ? 0 : Number(after) + 1;
  const slice = items.slice(start, start + 2);
  return {
    edges: slice.map((node) => ({ node })),
    pageInfo: {
      hasNextPage: start + 2 < items.length,
      endCursor: String(start + slice.length - 1),
    },
  };
}

describe('habits and moods on the device', () => {
  let db: PaceDatabase;
  beforeEach(() => {
    db = new PaceDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps offline habit writes pending, folds an edit into the create and sends each once', async () => {
    const api = fakeApi();
    api.setOnline(false);
    const id = await createHabit(db, {
      name: ' Walk ',
      frequency: 'weekly',
      timesPerPeriod: 2,
      today: '2026-03-10',
    });
    await editHabit(db, id, { name: 'Walk to work' });
    await setCheckIn(db, id, '2026-03-10', true);
    await setCheckIn(db, id, '2026-03-09', true);
    await setCheckIn(db, id, '2026-03-09', false);
    await recordMood(db, { on: '2026-03-10', score: 2 });
    await recordMood(db, { on: '2026-03-10', score: 4, label: ' calm ' });
    expect(await db.habits.get(id)).toMatchObject({
      name: 'Walk to work',
      checkIns: ['2026-03-10'],
      pending: 1,
    });
    expect(await db.moods.get('2026-03-10')).toMatchObject({ score: 4, label: 'calm', pending: 1 });
    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 0, stoppedBy: 'network' });

    api.setOnline(true);
    const result = await replayOutbox(db, api.transport);
    expect(result).toMatchObject({ sent: 6, conflicts: 0, stoppedBy: null });
    expect(api.calls.filter((c) => c === 'SyncCreateHabit')).toHaveLength(1);
    expect(api.calls).not.toContain('SyncUpdateHabit');
    expect([...api.habits.get(id)!.checkIns]).toEqual(['2026-03-10']);
    expect(api.habits.get(id)!.name).toBe('Walk to work');
    expect(api.moods.get('2026-03-10')).toMatchObject({ score: 4, label: 'calm' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.habits.get(id)).toMatchObject({ frequency: 'weekly', pending: 0, version: 1 });
    expect(await db.moods.get('2026-03-10')).toMatchObject({ pending: 0 });
  });

  it('pulls habits and moods whole, keeping what is still queued here', async () => {
    const api = fakeApi();
    const id = await createHabit(db, {
      name: 'Cook',
      frequency: 'daily',
      timesPerPeriod: 1,
      today: '2026-03-01',
    });
    await recordMood(db, { on: '2026-03-02', score: 3 });
    await replayOutbox(db, api.transport);
    // Another device checks in and removes the mood; this one checks in offline meanwhile.
    api.habits.get(id)!.checkIns.add('2026-03-03');
    api.moods.clear();
    api.setOnline(false);
    await setCheckIn(db, id, '2026-03-04', true);
    api.setOnline(true);
    await pullWellbeing(db, api.transport, '2026-02-01');
    expect((await db.habits.get(id))!.checkIns).toEqual(['2026-03-04']);
    expect(await db.moods.count()).toBe(0);
    await replayOutbox(db, api.transport);
    expect((await db.habits.get(id))!.checkIns).toEqual(['2026-03-03', '2026-03-04']);
    await removeMood(db, '2026-03-02');
    await replayOutbox(db, api.transport);
    expect(api.calls.at(-1)).toBe('SyncDeleteMood');
  });

  it('pulls every page of habits and moods', async () => {
    const api = fakeApi();
    for (const name of ['A', 'B', 'C', 'D', 'E'])
      await createHabit(db, { name, frequency: 'daily', timesPerPeriod: 1, today: '2026-03-01' });
    for (const on of ['2026-03-01', '2026-03-02', '2026-03-03'])
      await recordMood(db, { on, score: 3 });
    await replayOutbox(db, api.transport);
    await db.habits.clear();
    await db.moods.clear();
    await pullWellbeing(db, api.transport, '2026-02-01');
    expect((await db.habits.toArray()).map((h) => h.name).sort()).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(await db.moods.count()).toBe(3);
    expect(api.calls.filter((c) => c === 'SyncHabits')).toHaveLength(3);
    expect(api.calls.filter((c) => c === 'SyncMoods')).toHaveLength(2);
  });

  it('turns a refused check-in into a rejection the person sees', async () => {
    const api = fakeApi();
    const id = await createHabit(db, {
      name: 'Read',
      frequency: 'daily',
      timesPerPeriod: 1,
      today: '2026-03-01',
    });
    await replayOutbox(db, api.transport);
    api.habits.get(id)!.archivedAt = '2026-03-02T00:00:00.000Z';
    await setCheckIn(db, id, '2026-03-02', true);
    const result = await replayOutbox(db, api.transport);
    expect(result).toMatchObject({ conflicts: 1, stoppedBy: null });
    expect(await db.conflicts.get(id)).toMatchObject({
      kind: 'rejected',
      entity: 'habit',
      code: 'CONFLICT',
    });
    await archiveHabit(db, id, false);
    expect((await db.habits.get(id))!.archivedAt).toBeNull();
  });
});
