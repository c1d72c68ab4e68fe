import { defineErrors } from '../../graphql/app-error';

export type GoalErrorCode = 'GOAL_NOT_FOUND' | 'GOAL_INPUT_INVALID' | 'GOAL_ID_TAKEN';

export const GoalError = defineErrors<GoalErrorCode>('GoalError', {
  GOAL_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such goal.' },
  GOAL_INPUT_INVALID: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  GOAL_ID_TAKEN: {
    publicCode: 'CONFLICT',
    message: () => 'This id is already used by another record: choose a new UUID.',
  },
});
