import { defineErrors } from '../../graphql/app-error';

export type RecurringErrorCode = 'RECURRING_INPUT_INVALID' | 'RECURRING_NOT_FOUND';

export const RecurringError = defineErrors<RecurringErrorCode>('RecurringError', {
  RECURRING_INPUT_INVALID: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  RECURRING_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such recurring transaction.' },
});
