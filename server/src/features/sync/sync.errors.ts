import { defineErrors } from '../../graphql/app-error';

export type SyncErrorCode = 'SYNC_CURSOR_INVALID';

export const SyncError = defineErrors<SyncErrorCode>('SyncError', {
  SYNC_CURSOR_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The `since` cursor given to `changes` is not one the server handed out.',
    action:
      'Drop the stored cursor and pull again without one (a full sync), then keep the cursor each page returns.',
    message: () => 'The sync cursor is not valid: pull again without one.',
  },
});
