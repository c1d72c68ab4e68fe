import { defineErrors } from '../../graphql/app-error';

export type SystemCheckErrorCode = 'SYSTEM_CHECK_NOT_FOUND';

export const SystemCheckError = defineErrors<SystemCheckErrorCode>('SystemCheckError', {
  SYSTEM_CHECK_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: '`systemCheck` was given an id that names no system check.',
    action: 'Use the id returned when the check was started.',
    message: () => 'No such system check.',
  },
});
