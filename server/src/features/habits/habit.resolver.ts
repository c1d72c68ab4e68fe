import { MOOD_MIN_PAIRED_DAYS } from '@pace/engine';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import {
  ConnectionArgs,
  connectionFromList,
  instantKey,
  type Connection,
} from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { RequireScopes } from '../../graphql/scopes';
import { viewerIdOf } from '../../graphql/viewer';
import type { HabitService } from './habit.service';
import {
  CreateHabitInput,
  Habit,
  HabitConnection,
  HabitPayload,
  MoodEntryConnection,
  MoodEntry,
  MoodSpendingCorrelationResult,
  LogMoodInput,
  UpdateHabitInput,
  toHabit,
  toHabitPayload,
  toMoodCorrelation,
  toMoodEntry,
} from './habit.type';
import { ClearMoodPayload, RecordMoodPayload } from './habit-payloads.type';

/** Habits and mood: read with read:goals, written with write:goals; the correlation is analytics. */
@Resolver()
export class HabitResolver {
  constructor(private readonly service: HabitService) {}

  @RequireScopes('read:goals')
  @Query(() => HabitConnection, {
    description:
      'The viewer’s habits with streaks and completion as of today, oldest first, a page at a time.',
  })
  async habitsConnection(
    @Arg('includeArchived', () => Boolean, {
      defaultValue: false,
      description: 'Also list archived habits.',
    })
    includeArchived: boolean,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<Habit>> {
    return connectionFromList(await this.habits(includeArchived, ctx), page, {
      key: (habit) => [instantKey(habit.createdAt), habit.id],
      keyLength: 2,
    });
  }

  @RequireScopes('read:goals')
  @Query(() => [Habit], {
    description: 'The viewer’s habits with streaks and completion as of today, oldest first.',
    deprecationReason: 'Use habitsConnection. Removal after 2027-06-30.',
  })
  async habits(
    @Arg('includeArchived', () => Boolean, {
      defaultValue: false,
      description: 'Also list archived habits.',
    })
    includeArchived: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Habit[]> {
    return (await this.service.list(viewerIdOf(ctx), includeArchived)).map(toHabit);
  }

  @RequireScopes('write:goals')
  @Mutation(() => HabitPayload, { description: 'Creates a habit; idempotent by input.id.' })
  async createHabit(
    @Arg('input', () => CreateHabitInput, { description: 'The new habit.' })
    input: CreateHabitInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HabitPayload> {
    return toHabitPayload(await this.service.create(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:goals')
  @Mutation(() => HabitPayload, { description: 'Renames a habit or changes how often it is due.' })
  async updateHabit(
    @Arg('input', () => UpdateHabitInput, { description: 'The fields to change.' })
    input: UpdateHabitInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HabitPayload> {
    return toHabitPayload(await this.service.update(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:goals')
  @Mutation(() => HabitPayload, {
    description:
      'Archives a habit (hidden, its history kept) or, with archived: false, brings it back. Doing it twice changes nothing.',
  })
  async archiveHabit(
    @Arg('id', () => ID, { description: 'The habit.' }) id: string,
    @Arg('archived', () => Boolean, {
      defaultValue: true,
      description: 'false brings an archived habit back.',
    })
    archived: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HabitPayload> {
    return toHabitPayload(await this.service.setArchived(viewerIdOf(ctx), id, archived));
  }

  @RequireScopes('write:goals')
  @Mutation(() => HabitPayload, {
    description:
      'Marks a habit done on a local day (default today), or not done with done: false. Idempotent: twice on a day counts once.',
  })
  async checkInHabit(
    @Arg('habitId', () => ID, { description: 'The habit.' }) habitId: string,
    @Arg('on', () => LocalDateScalar, {
      nullable: true,
      description:
        'The local day; default today. Not before the habit started, never in the future.',
    })
    on: string | null,
    @Arg('done', () => Boolean, {
      defaultValue: true,
      description: 'false removes the day’s check-in.',
    })
    done: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<HabitPayload> {
    return toHabitPayload(await this.service.checkIn(viewerIdOf(ctx), habitId, on, done));
  }

  @RequireScopes('read:goals')
  @Query(() => MoodEntryConnection, {
    description:
      'The viewer’s moods over a range of local days, oldest first (at most 366 days), a page at a time.',
  })
  async moodsConnection(
    @Arg('from', () => LocalDateScalar, {
      nullable: true,
      description: 'First day; default 29 days before `to`.',
    })
    from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Last day; default today.' })
    to: string | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<MoodEntry>> {
    return connectionFromList(await this.moods(from ?? null, to ?? null, ctx), page, {
      key: (mood) => [mood.on],
      keyLength: 1,
    });
  }

  @RequireScopes('read:goals')
  @Query(() => [MoodEntry], {
    description: 'The viewer’s moods over a range of local days, oldest first (at most 366 days).',
    deprecationReason: 'Use moodsConnection. Removal after 2027-06-30.',
  })
  async moods(
    @Arg('from', () => LocalDateScalar, {
      nullable: true,
      description: 'First day; default 29 days before `to`.',
    })
    from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Last day; default today.' })
    to: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoodEntry[]> {
    return (await this.service.moods(viewerIdOf(ctx), from, to)).map(toMoodEntry);
  }

  @RequireScopes('write:goals')
  @Mutation(() => MoodEntry, {
    description:
      'Records the mood of a local day (default today); a second entry that day replaces it.',
    deprecationReason: 'Use recordMood. Removal after 2027-06-30.',
  })
  async logMood(
    @Arg('input', () => LogMoodInput, { description: 'The mood.' }) input: LogMoodInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoodEntry> {
    return toMoodEntry(await this.service.recordMood(viewerIdOf(ctx), input));
  }

  @RequireScopes('write:goals')
  @Mutation(() => RecordMoodPayload, {
    description:
      'Records the mood of a local day (default today); a second entry that day replaces it.',
  })
  async recordMood(
    @Arg('input', () => LogMoodInput, { description: 'The mood.' }) input: LogMoodInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecordMoodPayload> {
    return Object.assign(new RecordMoodPayload(), { mood: await this.logMood(input, ctx) });
  }

  @RequireScopes('write:goals')
  @Mutation(() => Boolean, {
    description: 'Removes the mood of a local day; false when there was none.',
    deprecationReason: 'Use clearMood. Removal after 2027-06-30.',
  })
  async deleteMood(
    @Arg('on', () => LocalDateScalar, { description: 'The local day.' }) on: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return this.service.deleteMood(viewerIdOf(ctx), on);
  }

  @RequireScopes('write:goals')
  @Mutation(() => ClearMoodPayload, {
    description: 'Removes the mood of a local day; `removed` is false when there was none.',
  })
  async clearMood(
    @Arg('on', () => LocalDateScalar, { description: 'The local day.' }) on: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ClearMoodPayload> {
    return Object.assign(new ClearMoodPayload(), {
      clearedOn: on,
      removed: await this.deleteMood(on, ctx),
    });
  }

  @RequireScopes('read:analytics')
  @Query(() => MoodSpendingCorrelationResult, {
    description:
      'How mood and discretionary spending go together (Spearman, at least 14 days with a mood), with its strength in words; otherwise it says what is missing.',
  })
  async moodSpendingCorrelation(
    @Arg('from', () => LocalDateScalar, {
      nullable: true,
      description: 'First day; default 89 days before `to`.',
    })
    from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Last day; default today.' })
    to: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MoodSpendingCorrelationResult> {
    return toMoodCorrelation(
      await this.service.correlation(viewerIdOf(ctx), from, to),
      MOOD_MIN_PAIRED_DAYS,
    );
  }
}
