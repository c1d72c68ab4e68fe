import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { budgetClient, CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

let now = Date.parse('2026-03-10T23:30:00Z');
const clock = { now: () => new Date(now) };

const HABIT_FIELDS = `id name frequency timesPerPeriod startedOn archivedAt today checkedInToday checkIns currentStreak longestStreak completedPeriods judgedPeriods completionRate checkInsThisPeriod isCurrentPeriodComplete version`;
const CREATE_HABIT = `mutation C($input: CreateHabitInput!) { createHabit(input: $input) { habit { ${HABIT_FIELDS} } } }`;
const UPDATE_HABIT = `mutation U($input: UpdateHabitInput!) { updateHabit(input: $input) { habit { ${HABIT_FIELDS} } } }`;
const CHECK_IN = `mutation K($habitId: ID!, $on: Date, $done: Boolean) { checkInHabit(habitId: $habitId, on: $on, done: $done) { habit { ${HABIT_FIELDS} } } }`;
const ARCHIVE = `mutation A($id: ID!, $archived: Boolean) { archiveHabit(id: $id, archived: $archived) { habit { ${HABIT_FIELDS} } } }`;
const HABITS = `query H($all: Boolean) { habits(includeArchived: $all) { ${HABIT_FIELDS} } }`;
const RECORD_MOOD = `mutation M($input: LogMoodInput!) { logMood(input: $input) { on score label note } }`;
const DELETE_MOOD = `mutation D($on: Date!) { deleteMood(on: $on) }`;
const MOODS = `query Moods($from: Date, $to: Date) { moods(from: $from, to: $to) { on score label note } }`;
const CORRELATION = `query R($from: Date, $to: Date) { moodSpendingCorrelation(from: $from, to: $to) { from to status pairedDays neededDays coefficient strength summary points { on score spent { amount currency } } } }`;

interface HabitData {
  id: string;
  name: string;
  frequency: string;
  timesPerPeriod: number;
  startedOn: string;
  archivedAt: string | null;
  today: string;
  checkedInToday: boolean;
  checkIns: string[];
  currentStreak: number;
  longestStreak: number;
  completedPeriods: number;
  judgedPeriods: number;
  completionRate: number | null;
  checkInsThisPeriod: number;
  isCurrentPeriodComplete: boolean;
  version: number;
}
type HabitPayload = { habit: HabitData };

describe(`habits and mood (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    // The clock moves by weeks: tokens must outlive the jumps.
    api = await startTestApi({ clock, config: { ACCESS_TOKEN_TTL_S: '3000000' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts check-ins per local day of the person, idempotently, with streaks across a DST change', async () => {
    // 23:30 UTC is already the 11th in Berlin, the profile's zone (no budget yet).
    now = Date.parse('2026-03-10T23:30:00Z');
    const client = budgetClient(api, await signUp(api));
    const id = randomUUID();
    const input = { id, name: '  Walk to work ', frequency: 'DAILY' };
    const created = (await client.call<{ createHabit: HabitPayload }>(CREATE_HABIT, { input }))
      .createHabit.habit;
    expect(created).toMatchObject({
      id,
      name: 'Walk to work',
      frequency: 'DAILY',
      timesPerPeriod: 1,
      startedOn: '2026-03-11',
      today: '2026-03-11',
      checkedInToday: false,
      currentStreak: 0,
      judgedPeriods: 0,
      completionRate: null,
    });
    // Replaying the create changes nothing.
    const replay = await client.call<{ createHabit: HabitPayload }>(CREATE_HABIT, { input });
    expect(replay.createHabit.habit).toEqual(created);
    expect((await client.call<{ habits: HabitData[] }>(HABITS)).habits).toHaveLength(1);

    const first = await client.call<{ checkInHabit: HabitPayload }>(CHECK_IN, { habitId: id });
    const twice = await client.call<{ checkInHabit: HabitPayload }>(CHECK_IN, { habitId: id });
    expect(twice.checkInHabit.habit).toEqual(first.checkInHabit.habit);
    expect(twice.checkInHabit.habit).toMatchObject({
      checkedInToday: true,
      checkIns: ['2026-03-11'],
      currentStreak: 1,
      completionRate: 1,
    });

    // Berlin moves its clocks on 29 March: the days around it are still one day each.
    now = Date.parse('2026-03-30T08:00:00Z');
    for (const on of ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30'])
      await client.call(CHECK_IN, { habitId: id, on });
    const afterDst = (await client.call<{ habits: HabitData[] }>(HABITS)).habits[0];
    expect(afterDst).toMatchObject({
      today: '2026-03-30',
      currentStreak: 4,
      longestStreak: 4,
      completedPeriods: 5,
      judgedPeriods: 20,
      completionRate: 0.25,
    });
    // Undoing today's check-in: today is not judged yet, so the streak is the three before it.
    const undone = await client.call<{ checkInHabit: HabitPayload }>(CHECK_IN, {
      habitId: id,
      on: '2026-03-30',
      done: false,
    });
    expect(undone.checkInHabit.habit).toMatchObject({ checkedInToday: false, currentStreak: 3 });

    const refused = async (variables: Record<string, unknown>, query = CHECK_IN) =>
      errorCodes(await client.raw(query, variables));
    expect(await refused({ habitId: id, on: '2026-03-31' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ habitId: id, on: '2026-03-10' })).toEqual(['BAD_USER_INPUT']);
    expect(await refused({ habitId: randomUUID() })).toEqual(['NOT_FOUND']);
    expect(await refused({ habitId: 'not-a-uuid' })).toEqual(['NOT_FOUND']);
    expect(await refused({ input: { name: '  ' } }, CREATE_HABIT)).toEqual(['BAD_USER_INPUT']);
    expect(
      await refused(
        { input: { name: 'Gym', frequency: 'WEEKLY', timesPerPeriod: 8 } },
        CREATE_HABIT,
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      await refused({ input: { name: 'Old', startedOn: '2024-01-01' } }, CREATE_HABIT),
    ).toEqual(['BAD_USER_INPUT']);

    // Archived: hidden, history kept, no check-ins until brought back.
    await client.call(ARCHIVE, { id });
    expect((await client.call<{ habits: HabitData[] }>(HABITS)).habits).toEqual([]);
    const all = (await client.call<{ habits: HabitData[] }>(HABITS, { all: true })).habits;
    expect(all[0]).toMatchObject({ id, currentStreak: 3 });
    expect(all[0]?.archivedAt).not.toBeNull();
    const archived = await client.raw(CHECK_IN, { habitId: id });
    expect(errorCodes(archived)).toEqual(['CONFLICT']);
    expect(archived.errors?.[0]?.extensions?.reason).toBe('HABIT_ARCHIVED');
    const back = await client.call<{ archiveHabit: HabitPayload }>(ARCHIVE, {
      id,
      archived: false,
    });
    expect(back.archiveHabit.habit.archivedAt).toBeNull();

    // The person's export holds the habit and every check-in.
    const exported = await client.call<{ exportMyData: { content: string } }>(
      'mutation { exportMyData { content } }',
    );
    const tables = (
      JSON.parse(exported.exportMyData.content) as { tables: Record<string, unknown[]> }
    ).tables;
    expect(tables.habits).toHaveLength(1);
    expect(tables.habit_check_ins).toHaveLength(4);

    // Another person can neither see nor touch it, nor take its id.
    const other = budgetClient(api, await signUp(api));
    expect((await other.call<{ habits: HabitData[] }>(HABITS, { all: true })).habits).toEqual([]);
    expect(errorCodes(await other.raw(CHECK_IN, { habitId: id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await other.raw(ARCHIVE, { id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await other.raw(CREATE_HABIT, { input: { id, name: 'Mine' } }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('judges a weekly habit by whole weeks and follows a change of its frequency', async () => {
    now = Date.parse('2026-03-25T12:00:00Z'); // a Wednesday
    const client = budgetClient(api, await signUp(api));
    const habit = (
      await client.call<{ createHabit: HabitPayload }>(CREATE_HABIT, {
        input: { name: 'Gym', frequency: 'WEEKLY', timesPerPeriod: 2, startedOn: '2026-03-02' },
      })
    ).createHabit.habit;
    // Weeks of 2, 9 and 16 March done twice, the week of 23 March once so far.
    for (const on of ['2026-03-02', '2026-03-04', '2026-03-10', '2026-03-11', '2026-03-16'])
      await client.call(CHECK_IN, { habitId: habit.id, on });
    await client.call(CHECK_IN, { habitId: habit.id, on: '2026-03-19' });
    const stats = (
      await client.call<{ checkInHabit: HabitPayload }>(CHECK_IN, {
        habitId: habit.id,
        on: '2026-03-23',
      })
    ).checkInHabit.habit;
    expect(stats).toMatchObject({
      currentStreak: 3,
      completedPeriods: 3,
      judgedPeriods: 3,
      checkInsThisPeriod: 1,
      isCurrentPeriodComplete: false,
    });
    const daily = (
      await client.call<{ updateHabit: HabitPayload }>(UPDATE_HABIT, {
        input: { id: habit.id, frequency: 'DAILY', name: 'Gym, daily' },
      })
    ).updateHabit.habit;
    expect(daily).toMatchObject({
      name: 'Gym, daily',
      frequency: 'DAILY',
      timesPerPeriod: 1,
      version: habit.version + 1,
      completedPeriods: 7,
      judgedPeriods: 23,
    });
  });

  it('keeps one mood per local day and reports its link with discretionary spending from 14 days', async () => {
    now = Date.parse('2026-03-01T15:00:00Z');
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    now = Date.parse('2026-03-20T15:00:00Z');

    await client.call(RECORD_MOOD, { input: { score: 2, label: 'tired' } });
    const replaced = await client.call<{ logMood: { on: string; score: number } }>(RECORD_MOOD, {
      input: { score: 4, note: '  a good walk  ' },
    });
    expect(replaced.logMood).toEqual({
      on: '2026-03-20',
      score: 4,
      label: null,
      note: 'a good walk',
    });
    expect(
      (await client.call<{ moods: unknown[] }>(MOODS, { from: '2026-03-20' })).moods,
    ).toHaveLength(1);
    expect(await client.call(DELETE_MOOD, { on: '2026-03-20' })).toEqual({ deleteMood: true });
    expect(await client.call(DELETE_MOOD, { on: '2026-03-20' })).toEqual({ deleteMood: false });
    for (const bad of [{ score: 6 }, { score: 0 }, { score: 3, on: '2026-03-21' }])
      expect(errorCodes(await client.raw(RECORD_MOOD, { input: bad }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await client.raw(MOODS, { from: '2025-01-01', to: '2026-03-20' }))).toEqual([
      'BAD_USER_INPUT',
    ]);

    // Better days, more dining out; groceries (not discretionary) never count.
    for (let day = 1; day <= 14; day += 1) {
      const on = `2026-03-${String(day).padStart(2, '0')}`;
      await client.call(CREATE, {
        input: { amount: `${day}.00`, categoryId: 'dining_out', bookedOn: on },
      });
      await client.call(CREATE, {
        input: { amount: `${100 - day}.00`, categoryId: 'groceries', bookedOn: on },
      });
      if (day < 14)
        await client.call(RECORD_MOOD, {
          input: { on, score: Math.min(5, 1 + Math.floor(day / 3)) },
        });
    }
    type Correlation = {
      moodSpendingCorrelation: {
        status: string;
        pairedDays: number;
        neededDays: number;
        coefficient: number | null;
        strength: string | null;
        summary: string;
        from: string;
        to: string;
        points: Array<{ on: string; score: number; spent: { amount: string; currency: string } }>;
      };
    };
    const early = (await client.call<Correlation>(CORRELATION)).moodSpendingCorrelation;
    expect(early).toMatchObject({
      from: '2025-12-21',
      to: '2026-03-20',
      status: 'NOT_ENOUGH_DAYS',
      pairedDays: 13,
      neededDays: 14,
      coefficient: null,
      strength: null,
    });
    expect(early.summary).toContain('13 of 14');
    await client.call(RECORD_MOOD, { input: { on: '2026-03-14', score: 5 } });
    const reported = (await client.call<Correlation>(CORRELATION)).moodSpendingCorrelation;
    expect(reported).toMatchObject({ status: 'REPORTED', pairedDays: 14, strength: 'VERY_STRONG' });
    expect(reported.coefficient).toBeGreaterThan(0.9);
    expect(reported.summary).toContain('more on days you feel better');
    // The chart's pairs: each day with a mood and its dining out only (groceries never count).
    expect(reported.points).toHaveLength(14);
    expect(reported.points[0]).toEqual({
      on: '2026-03-01',
      score: 1,
      spent: { amount: '1.00', currency: 'USD' },
    });
    expect(reported.points[13]).toEqual({
      on: '2026-03-14',
      score: 5,
      spent: { amount: '14.00', currency: 'USD' },
    });

    // The correlation is analytics: a token for goals and habits alone cannot read it.
    const narrow = await accessTokenWithScopes(api, user.userId, ['read:goals']);
    const denied = await api.graphql(CORRELATION, {}, bearer(narrow));
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await api.graphql(MOODS, {}, bearer(narrow)))).toEqual([]);
  });
});
