import { defineErrors } from '../../graphql/app-error';

export type SystemCheckErrorCode = 'SYSTEM_CHECK_NOT_FOUND';

export const SystemCheckError = defineErrors<SystemCheckErrorCode>('SystemCheckError', {
  SYSTEM_CHECK_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such system check.' },
});
