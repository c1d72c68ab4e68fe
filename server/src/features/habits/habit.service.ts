import {
  addDays,
  computeHabitStats,
  daysBetween,
  discretionarySpendByDay,
  moodSpendingCorrelation,
  type HabitFrequency,
  type HabitStats,
  type LedgerTransaction,
  type LocalDate,
  type MoodSpendingCorrelation,
} from '@pace/engine';
import { isUuid } from '../../graphql/ids';
import { HabitError } from './habit.errors';
import type { HabitChanges, HabitRepository } from './habit.repository';
import type { HabitRow, MoodRow } from './habit.table';

const MAX_NAME = 80;
const MAX_TIMES = { daily: 1, weekly: 7, monthly: 31 } as const satisfies Record<
  HabitFrequency,
  number
>;
/** Active habits one person may keep (archived ones do not count). */
export const MAX_ACTIVE_HABITS = 50;
/** How far back a habit may start, a check-in or a mood be written, and a range reach. */
export const MAX_SPAN_DAYS = 366;
const MAX_LABEL = 40;
const MAX_NOTE = 500;

/** A habit as read today: its check-ins and statistics. */
export interface HabitView {
  row: HabitRow;
  checkIns: LocalDate[];
  stats: HabitStats;
  today: LocalDate;
}

export interface HabitFields {
  name?: string | null;
  frequency?: HabitFrequency | null;
  timesPerPeriod?: number | null;
}

/** Discretionary spending is read from the ledger: the live expenses of the days asked. */
export type LedgerBetween = (
  userId: string,
  from: LocalDate,
  to: LocalDate,
) => Promise<LedgerTransaction[]>;

export interface MoodCorrelationView {
  from: LocalDate;
  to: LocalDate;
  result: MoodSpendingCorrelation;
  /** Each day with a mood and that day's discretionary spending, oldest first (for a chart). */
  points: Array<{ on: LocalDate; score: number; spentMinor: number }>;
  currency: string;
}

const invalid = (message: string) => new HabitError('HABIT_INPUT_INVALID', { message });
const invalidMood = (message: string) => new HabitError('MOOD_INPUT_INVALID', { message });

/**
 * Habits and mood (domain §6). Days are the person's local days (the budget's time zone, or the
 * profile's before onboarding); check-ins and moods are idempotent per day. Writes never reach the
 * budget: habits and mood are read beside it, and the correlation reads the ledger.
 */
export class HabitService {
  constructor(
    private readonly deps: {
      repository: HabitRepository;
      today: (userId: string) => Promise<LocalDate>;
      ledgerBetween: LedgerBetween;
      /** The budget's currency (the profile's before onboarding). */
      currencyOf: (userId: string) => Promise<string>;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  async list(userId: string, includeArchived: boolean): Promise<HabitView[]> {
    const rows = await this.deps.repository.list(userId, includeArchived);
    return this.views(userId, rows);
  }

  async get(userId: string, id: string): Promise<HabitView> {
    const [view] = await this.views(userId, [await this.owned(userId, id)]);
    if (!view) throw new HabitError('HABIT_NOT_FOUND');
    return view;
  }

  /** Creates once: replaying the same id returns the stored habit and changes nothing. */
  async create(
    userId: string,
    input: HabitFields & { id?: string | null; name: string; startedOn?: LocalDate | null },
  ): Promise<HabitView> {
    if (input.id != null && !isUuid(input.id)) throw invalid('id must be a UUID.');
    const id = input.id ?? this.deps.newId();
    const existing = await this.deps.repository.find(id);
    if (existing) {
      if (existing.userId !== userId) throw new HabitError('HABIT_ID_TAKEN');
      return this.get(userId, id);
    }
    const today = await this.deps.today(userId);
    const frequency = input.frequency ?? 'daily';
    const startedOn = input.startedOn ?? today;
    if (startedOn > today) throw invalid('startedOn cannot be in the future.');
    if (daysBetween(startedOn, today) > MAX_SPAN_DAYS)
      throw invalid(`startedOn can be at most ${MAX_SPAN_DAYS} days ago.`);
    if ((await this.deps.repository.countActive(userId)) >= MAX_ACTIVE_HABITS)
      throw new HabitError('HABIT_LIMIT_REACHED', { limit: MAX_ACTIVE_HABITS });
    const now = this.deps.now();
    const row = await this.deps.repository.insertUnlessExists({
      id,
      userId,
      name: nameOf(input.name),
      frequency,
      timesPerPeriod: timesOf(frequency, input.timesPerPeriod ?? 1),
      startedOn,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    // Lost a race with the same id: the replay rule applies.
    if (!row) return this.create(userId, input);
    return this.get(userId, id);
  }

  /** Renames or changes how often; the check-ins stay and the statistics follow. */
  async update(userId: string, input: HabitFields & { id: string }): Promise<HabitView> {
    const row = await this.owned(userId, input.id);
    const frequency = input.frequency ?? row.frequency;
    const changes: HabitChanges = { updatedAt: this.deps.now() };
    if (input.name != null) changes.name = nameOf(input.name);
    if (input.frequency != null) changes.frequency = input.frequency;
    if (input.timesPerPeriod != null || input.frequency != null)
      changes.timesPerPeriod = timesOf(
        frequency,
        input.timesPerPeriod ?? Math.min(row.timesPerPeriod, MAX_TIMES[frequency]),
      );
    await this.deps.repository.update(row.id, changes);
    return this.get(userId, row.id);
  }

  /** Archives (hidden from the list, history kept) or brings back; doing it twice changes nothing. */
  async setArchived(userId: string, id: string, archived: boolean): Promise<HabitView> {
    const row = await this.owned(userId, id);
    if ((row.archivedAt !== null) !== archived) {
      if (!archived && (await this.deps.repository.countActive(userId)) >= MAX_ACTIVE_HABITS)
        throw new HabitError('HABIT_LIMIT_REACHED', { limit: MAX_ACTIVE_HABITS });
      const now = this.deps.now();
      await this.deps.repository.update(id, { archivedAt: archived ? now : null, updatedAt: now });
    }
    return this.get(userId, id);
  }

  /** Marks the habit done on a local day (default today); twice on a day counts once. */
  async checkIn(
    userId: string,
    habitId: string,
    on: LocalDate | null,
    done: boolean,
  ): Promise<HabitView> {
    const row = await this.owned(userId, habitId);
    if (row.archivedAt) throw new HabitError('HABIT_ARCHIVED');
    const today = await this.deps.today(userId);
    const day = on ?? today;
    if (day > today) throw invalid('A check-in cannot be in the future.');
    if (day < row.startedOn) throw invalid('A check-in cannot be before the habit started.');
    if (done) await this.deps.repository.addCheckIn(userId, row.id, day, this.deps.now());
    else await this.deps.repository.removeCheckIn(row.id, day);
    return this.get(userId, row.id);
  }

  /** Mood entries of a range of local days (default: the last 30 days). */
  async moods(userId: string, from: LocalDate | null, to: LocalDate | null): Promise<MoodRow[]> {
    const range = await this.range(userId, from, to, 29);
    return this.deps.repository.moods(userId, range.from, range.to);
  }

  /** The day's mood (default today): a second entry the same day replaces the first. */
  async recordMood(
    userId: string,
    input: { on?: LocalDate | null; score: number; label?: string | null; note?: string | null },
  ): Promise<MoodRow> {
    const today = await this.deps.today(userId);
    const on = input.on ?? today;
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
      throw invalidMood('score is a whole number from 1 to 5.');
    if (on > today) throw invalidMood('A mood cannot be recorded for a day to come.');
    if (daysBetween(on, today) > MAX_SPAN_DAYS)
      throw invalidMood(`A mood can be recorded at most ${MAX_SPAN_DAYS} days back.`);
    const label = optionalText(input.label, MAX_LABEL, 'label');
    const note = optionalText(input.note, MAX_NOTE, 'note');
    const now = this.deps.now();
    return this.deps.repository.upsertMood({
      userId,
      on,
      score: input.score,
      label,
      note,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Removes the day's mood; true when there was one. */
  async deleteMood(userId: string, on: LocalDate): Promise<boolean> {
    return this.deps.repository.deleteMood(userId, on);
  }

  /** Mood against discretionary spending over a range (default: the last 90 days). */
  async correlation(
    userId: string,
    from: LocalDate | null,
    to: LocalDate | null,
  ): Promise<MoodCorrelationView> {
    const range = await this.range(userId, from, to, 89);
    const [moods, ledger, currency] = await Promise.all([
      this.deps.repository.moods(userId, range.from, range.to),
      this.deps.ledgerBetween(userId, range.from, range.to),
      this.deps.currencyOf(userId),
    ]);
    const spent = discretionarySpendByDay(ledger);
    const result = moodSpendingCorrelation(
      moods.map((m) => ({ date: m.on, score: m.score })),
      spent,
    );
    const points = moods
      .map((m) => ({ on: m.on, score: m.score, spentMinor: spent.get(m.on) ?? 0 }))
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    return { ...range, result, points, currency };
  }

  private async range(
    userId: string,
    from: LocalDate | null,
    to: LocalDate | null,
    defaultDays: number,
  ): Promise<{ from: LocalDate; to: LocalDate }> {
    const end = to ?? (await this.deps.today(userId));
    const start = from ?? addDays(end, -defaultDays);
    if (start > end) throw invalidMood('from must not be after to.');
    if (daysBetween(start, end) >= MAX_SPAN_DAYS)
      throw invalidMood(`A range holds at most ${MAX_SPAN_DAYS} days.`);
    return { from: start, to: end };
  }

  private async owned(userId: string, id: string): Promise<HabitRow> {
    const row = isUuid(id) ? await this.deps.repository.find(id) : null;
    if (!row || row.userId !== userId) throw new HabitError('HABIT_NOT_FOUND');
    return row;
  }

  private async views(userId: string, rows: HabitRow[]): Promise<HabitView[]> {
    if (rows.length === 0) return [];
    const today = await this.deps.today(userId);
    const checkIns = await this.deps.repository.checkInsOf(rows.map((r) => r.id));
    return rows.map((row) => {
      const days = checkIns.get(row.id) ?? [];
      const stats = computeHabitStats({
        frequency: row.frequency,
        timesPerPeriod: row.timesPerPeriod,
        startedOn: row.startedOn,
        checkIns: days,
        today,
      });
      return { row, checkIns: days, stats, today };
    });
  }
}

function nameOf(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw invalid('name cannot be empty.');
  if (name.length > MAX_NAME) throw invalid(`name is longer than ${MAX_NAME} characters.`);
  return name;
}

function timesOf(frequency: HabitFrequency, times: number): number {
  const most = MAX_TIMES[frequency];
  if (!Number.isInteger(times) || times < 1 || times > most)
    throw invalid(`timesPerPeriod is 1 to ${most} for a ${frequency} habit.`);
  return times;
}

function optionalText(raw: string | null | undefined, max: number, field: string): string | null {
  const text = raw?.trim() ?? '';
  if (text.length > max) throw invalidMood(`${field} is longer than ${max} characters.`);
  return text.length > 0 ? text : null;
}
