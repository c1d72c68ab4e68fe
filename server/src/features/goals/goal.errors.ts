import { defineErrors } from '../../graphql/app-error';

export type GoalErrorCode = 'GOAL_NOT_FOUND' | 'GOAL_INPUT_INVALID' | 'GOAL_ID_TAKEN';

export const GoalError = defineErrors<GoalErrorCode>('GoalError', {
  GOAL_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The goal id names no goal of yours: it never existed, was deleted, or belongs to someone else.',
    action: 'Refresh your list of goals (or pull changes) and stop using this id.',
    message: () => 'No such goal.',
  },
  GOAL_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A goal or contribution field is refused: an id that is not a UUID, an empty or too long name, a target not above zero, a priority out of range, a target date in the past, or a contribution id already used by another transaction. The message names the field.',
    action: 'Correct the field the message names and send the request again.',
    message: (d) => String(d.message),
  },
  GOAL_ID_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'createGoal was given an id that another person’s record already uses.',
    action: 'Generate a new random UUID for the goal and create it again.',
    message: () => 'This id is already used by another record: choose a new UUID.',
  },
});
