import { defineErrors } from '../../graphql/app-error';

export type SyncErrorCode = 'SYNC_CURSOR_INVALID';

export const SyncError = defineErrors<SyncErrorCode>('SyncError', {
  SYNC_CURSOR_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'The sync cursor is not valid: pull again without one.',
  },
});
