import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import { Money, toMoney } from '../../graphql/money.type';
import type { HabitView, MoodCorrelationView } from './habit.service';
import type { MoodRow } from './habit.table';
import { Node } from '../../graphql/node';
import { connectionTypes } from '../../graphql/relay';
import { decodeCursor, encodeCursor } from '../../graphql/cursor';
import { isUuid } from '../../graphql/ids';
import { isLocalDate } from '@pace/engine';

export enum HabitFrequencyGql {
  DAILY = 'daily',
  WEEKLY = 'weekly',
  MONTHLY = 'monthly',
}
registerEnumType(HabitFrequencyGql, {
  name: 'HabitFrequency',
  description:
    'The period a habit is judged over: a local day, a week starting on Monday, or a calendar month.',
  valuesConfig: {
    DAILY: { description: 'Every local day.' },
    WEEKLY: { description: 'Each week, Monday to Sunday.' },
    MONTHLY: { description: 'Each calendar month.' },
  },
});

@ObjectType({
  implements: Node,
  description:
    'A habit: something the person means to do timesPerPeriod times per period. Streaks and rates count whole periods; the current period counts once it is complete, so an unfinished week never breaks a streak.',
})
export class Habit {
  @Field(() => ID, { description: 'The habit’s UUID.' }) id!: string;
  @Field(() => String, { description: 'What the habit is, as the person wrote it.' })
  name!: string;
  @Field(() => HabitFrequencyGql, { description: 'The period it is judged over.' })
  frequency!: HabitFrequencyGql;
  @Field(() => Int, { description: 'Check-ins needed per period (1 for a daily habit).' })
  timesPerPeriod!: number;
  @Field(() => LocalDateScalar, {
    description: 'The first local day it counts from; earlier days are never judged.',
  })
  startedOn!: string;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was archived (hidden, history kept); null while active.',
  })
  archivedAt!: Date | null;
  @Field(() => LocalDateScalar, {
    description: 'Today in the person’s time zone, the day these figures are as of.',
  })
  today!: string;
  @Field(() => Boolean, { description: 'Whether there is a check-in today.' })
  checkedInToday!: boolean;
  @Field(() => [LocalDateScalar], {
    description:
      'Every local day checked in since it started, oldest first: a device computes the same streaks from them offline.',
  })
  checkIns!: string[];
  @Field(() => Int, { description: 'Completed periods in a row, up to the last judged one.' })
  currentStreak!: number;
  @Field(() => Int, { description: 'The longest run of completed periods since it started.' })
  longestStreak!: number;
  @Field(() => Int, { description: 'Periods completed since it started.' })
  completedPeriods!: number;
  @Field(() => Int, {
    description: 'Periods judged: the finished ones, plus the current one once complete.',
  })
  judgedPeriods!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'completedPeriods / judgedPeriods from 0 to 1; null before any period is judged.',
  })
  completionRate!: number | null;
  @Field(() => Int, { description: 'Check-ins so far in the current period.' })
  checkInsThisPeriod!: number;
  @Field(() => Boolean, { description: 'Whether the current period already has enough.' })
  isCurrentPeriodComplete!: boolean;
  @Field(() => Int, { description: 'Grows by one with every change of the habit itself.' })
  version!: number;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: Date;
}

@ObjectType({ description: 'A habit as it stands after a write.' })
export class HabitPayload {
  @Field(() => Habit, { description: 'The habit with its figures recomputed.' }) habit!: Habit;
}

@InputType({ description: 'A new habit.' })
export class CreateHabitInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Client-generated UUID: replaying it returns the stored habit and changes nothing.',
  })
  id?: string | null;
  @Field(() => String, { description: 'What the habit is; 1 to 80 characters.' }) name!: string;
  @Field(() => HabitFrequencyGql, { nullable: true, description: 'Default DAILY.' })
  frequency?: HabitFrequencyGql | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Check-ins per period: 1 (default) for daily, up to 7 weekly, up to 31 monthly.',
  })
  timesPerPeriod?: number | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Default today; at most 366 days back, never in the future.',
  })
  startedOn?: string | null;
}

@InputType({ description: 'Changes the given fields of a habit; its check-ins stay.' })
export class UpdateHabitInput {
  @Field(() => ID, { description: 'The habit to change.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'A new name; 1 to 80 characters.' })
  name?: string | null;
  @Field(() => HabitFrequencyGql, { nullable: true, description: 'A new period.' })
  frequency?: HabitFrequencyGql | null;
  @Field(() => Int, { nullable: true, description: 'Check-ins per period (see CreateHabitInput).' })
  timesPerPeriod?: number | null;
}

@ObjectType({
  implements: Node,
  description: 'How the person felt on one local day.',
})
export class MoodEntry {
  @Field(() => ID, {
    description:
      'Opaque and globally unique (a mood is one per person and local day); for `node(id)`.',
  })
  id!: string;
  @Field(() => LocalDateScalar, { description: 'The local day.' }) on!: string;
  @Field(() => Int, { description: '1 (very low) to 5 (very good).' }) score!: number;
  @Field(() => String, { nullable: true, description: 'A word for it, e.g. “tired”.' })
  label!: string | null;
  @Field(() => String, { nullable: true, description: 'A private note.' }) note!: string | null;
  @Field(() => Date, { description: 'When it was last written.' }) updatedAt!: Date;
}

@InputType({ description: 'The mood of one local day; a second entry the same day replaces it.' })
export class LogMoodInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Default today; at most 366 days back, never a day to come.',
  })
  on?: string | null;
  @Field(() => Int, { description: '1 (very low) to 5 (very good).' }) score!: number;
  @Field(() => String, { nullable: true, description: 'Up to 40 characters.' })
  label?: string | null;
  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' })
  note?: string | null;
}

export enum CorrelationStrengthGql {
  VERY_WEAK = 'very weak',
  WEAK = 'weak',
  MODERATE = 'moderate',
  STRONG = 'strong',
  VERY_STRONG = 'very strong',
}
registerEnumType(CorrelationStrengthGql, {
  name: 'CorrelationStrength',
  description: 'The size of a correlation coefficient in words, by |ρ|.',
  valuesConfig: {
    VERY_WEAK: { description: '|ρ| below 0.2.' },
    WEAK: { description: '0.2 to below 0.4.' },
    MODERATE: { description: '0.4 to below 0.6.' },
    STRONG: { description: '0.6 to below 0.8.' },
    VERY_STRONG: { description: '0.8 or more.' },
  },
});

export enum MoodCorrelationStatus {
  REPORTED = 'REPORTED',
  NOT_ENOUGH_DAYS = 'NOT_ENOUGH_DAYS',
  NO_VARIATION = 'NO_VARIATION',
}
registerEnumType(MoodCorrelationStatus, {
  name: 'MoodCorrelationStatus',
  description: 'Whether a correlation could be reported.',
  valuesConfig: {
    REPORTED: { description: 'Enough paired days that vary: coefficient and strength are set.' },
    NOT_ENOUGH_DAYS: { description: 'Fewer paired days than neededDays: keep recording moods.' },
    NO_VARIATION: {
      description: 'Mood or spending was the same every day, so there is nothing to correlate.',
    },
  },
});

@ObjectType({ description: 'One day with a mood, and that day’s discretionary spending.' })
export class MoodSpendingPoint {
  @Field(() => LocalDateScalar, { description: 'The local day.' }) on!: string;
  @Field(() => Int, { description: 'The mood that day, 1 (low) to 5 (great).' }) score!: number;
  @Field(() => Money, {
    description: 'Discretionary spending that day in the budget currency (0 when none).',
  })
  spent!: Money;
}

@ObjectType({
  description:
    'Spearman rank correlation between the day’s mood and that day’s discretionary spending (a day without such spending counts as 0), over the days with a mood.',
})
export class MoodSpendingCorrelationResult {
  @Field(() => LocalDateScalar, { description: 'First local day read.' }) from!: string;
  @Field(() => LocalDateScalar, { description: 'Last local day read.' }) to!: string;
  @Field(() => MoodCorrelationStatus, { description: 'Whether it could be reported.' })
  status!: MoodCorrelationStatus;
  @Field(() => Int, { description: 'Days with a mood in the range.' }) pairedDays!: number;
  @Field(() => Int, { description: 'Paired days needed before anything is reported (14).' })
  neededDays!: number;
  @Field(() => Float, { nullable: true, description: 'ρ from −1 to 1, rounded to 2 decimals.' })
  coefficient!: number | null;
  @Field(() => CorrelationStrengthGql, { nullable: true, description: 'ρ in words.' })
  strength!: CorrelationStrengthGql | null;
  @Field(() => String, {
    description:
      'One sentence for the person, in English (the PWA writes its own from the fields).',
  })
  summary!: string;

  @Field(() => [MoodSpendingPoint], {
    description:
      'Every day with a mood in the range, oldest first, with its spending: the pairs the coefficient was computed from (for a chart).',
  })
  points!: MoodSpendingPoint[];
}

export function toHabit(view: HabitView): Habit {
  const { row, stats, today, checkIns } = view;
  return Object.assign(new Habit(), {
    id: row.id,
    name: row.name,
    frequency: row.frequency as HabitFrequencyGql,
    timesPerPeriod: row.timesPerPeriod,
    startedOn: row.startedOn,
    archivedAt: row.archivedAt,
    today,
    checkedInToday: checkIns.includes(today),
    checkIns,
    ...stats,
    version: row.version,
    createdAt: row.createdAt,
  });
}

export function toHabitPayload(view: HabitView): HabitPayload {
  return Object.assign(new HabitPayload(), { habit: toHabit(view) });
}

const MOOD_ID_PREFIX = 'MoodEntry';

/** A mood entry's node id: opaque, naming its owner and local day (moods have no row id). */
export function moodEntryId(userId: string, on: string): string {
  return encodeCursor([MOOD_ID_PREFIX, userId, on]);
}

/** The owner and local day a mood entry's node id names, or null when it is not one. */
export function parseMoodEntryId(id: string): { userId: string; on: string } | null {
  const parts = decodeCursor(id, 3);
  if (
    !parts ||
    parts[0] !== MOOD_ID_PREFIX ||
    !isUuid(parts[1] ?? '') ||
    !isLocalDate(parts[2] ?? '')
  )
    return null;
  return { userId: parts[1] ?? '', on: parts[2] ?? '' };
}

export function toMoodEntry(row: MoodRow): MoodEntry {
  return Object.assign(new MoodEntry(), {
    id: moodEntryId(row.userId, row.on),
    on: row.on,
    score: row.score,
    label: row.label,
    note: row.note,
    updatedAt: row.updatedAt,
  });
}

export function toMoodCorrelation(
  view: MoodCorrelationView,
  neededDays: number,
): MoodSpendingCorrelationResult {
  const { result } = view;
  const base = {
    from: view.from,
    to: view.to,
    pairedDays: result.pairedDays,
    neededDays,
    points: view.points.map((p) =>
      Object.assign(new MoodSpendingPoint(), {
        on: p.on,
        score: p.score,
        spent: toMoney(p.spentMinor, view.currency),
      }),
    ),
  };
  if (!result.isReported) {
    const summary =
      result.reason === 'NOT_ENOUGH_DAYS'
        ? `Not enough data yet: ${result.pairedDays} of ${neededDays} days with a mood.`
        : 'Your mood or your spending did not change over these days, so there is nothing to compare.';
    return Object.assign(new MoodSpendingCorrelationResult(), {
      ...base,
      status: MoodCorrelationStatus[result.reason],
      coefficient: null,
      strength: null,
      summary,
    });
  }
  const coefficient = Math.round(result.coefficient * 100) / 100;
  const direction =
    result.direction === 'positive'
      ? 'you spend more on days you feel better'
      : result.direction === 'negative'
        ? 'you spend more on days you feel worse'
        : 'mood and spending move independently';
  return Object.assign(new MoodSpendingCorrelationResult(), {
    ...base,
    status: MoodCorrelationStatus.REPORTED,
    coefficient,
    strength: result.strength as CorrelationStrengthGql,
    summary: `A ${result.strength} link over ${result.pairedDays} days: ${direction}.`,
  });
}

/** The viewer’s habits a page at a time. */
export const HabitConnection = connectionTypes(Habit, 'Habit', 'habits');

/** The viewer’s moods a page at a time. */
export const MoodEntryConnection = connectionTypes(MoodEntry, 'MoodEntry', 'mood entries');
