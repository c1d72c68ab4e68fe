import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars';
import { MoodEntry } from './habit.type';

@ObjectType({ description: 'The mood `recordMood` stored.' })
export class RecordMoodPayload {
  @Field(() => MoodEntry, {
    description: 'The day’s mood as stored; a second entry on the same day replaced the first.',
  })
  mood!: MoodEntry;
}

@ObjectType({ description: 'The outcome of `clearMood`.' })
export class ClearMoodPayload {
  @Field(() => LocalDateScalar, { description: 'The local day whose mood was cleared.' })
  clearedOn!: string;
  @Field(() => Boolean, {
    description: 'True when a mood was removed; false when the day had none (nothing changed).',
  })
  removed!: boolean;
}
