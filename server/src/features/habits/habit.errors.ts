import { defineErrors } from '../../graphql/app-error';

export type HabitErrorCode =
  | 'HABIT_NOT_FOUND'
  | 'HABIT_INPUT_INVALID'
  | 'HABIT_ID_TAKEN'
  | 'HABIT_ARCHIVED'
  | 'HABIT_LIMIT_REACHED'
  | 'MOOD_INPUT_INVALID';

export const HabitError = defineErrors<HabitErrorCode>('HabitError', {
  HABIT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such habit.',
    when: 'The habit id does not exist or belongs to someone else.',
    action: 'Read `habits(includeArchived: true)` for the ids this person has.',
  },
  HABIT_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'A habit field is out of range: an empty or too long name, timesPerPeriod beyond its period, a start or check-in day in the future, before the habit started or more than 366 days back.',
    action: 'Correct the field the message names and send again.',
  },
  HABIT_ID_TAKEN: {
    publicCode: 'CONFLICT',
    message: () => 'This id is already used by another record: choose a new UUID.',
    when: 'createHabit was given an id another person’s habit already has.',
    action: 'Generate a new UUID for the habit.',
  },
  HABIT_ARCHIVED: {
    publicCode: 'CONFLICT',
    message: () => 'This habit is archived: bring it back before checking in.',
    when: 'A check-in was sent for an archived habit.',
    action: 'Call `archiveHabit(id, archived: false)` first, or leave the archived habit as it is.',
  },
  HABIT_LIMIT_REACHED: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `At most ${String(d.limit)} habits can be active at once: archive one first.`,
    when: 'Creating or bringing back a habit would make more than 50 active habits.',
    action: 'Archive a habit the person no longer follows, then try again.',
  },
  MOOD_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'A mood score outside 1–5, a day to come or more than 366 days back, a too long label or note, or a range longer than 366 days or with from after to.',
    action: 'Correct the field the message names and send again.',
  },
});
