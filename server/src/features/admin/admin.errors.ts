import { defineErrors } from '../../graphql/app-error';

export type AdminErrorCode =
  'ADMIN_USER_NOT_FOUND' | 'ADMIN_INPUT_INVALID' | 'ADMIN_SELF_ACTION' | 'ADMIN_JOB_NOT_FOUND';

export const AdminError = defineErrors<AdminErrorCode>('AdminError', {
  ADMIN_USER_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such user.',
    when: 'lockUserAccount, unlockUserAccount, signOutUser or deleteUserAccount was given a user id that names no account (or one already deleted).',
    action: 'Search for the person again with adminUsers and use their account id.',
  },
  ADMIN_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'An admin operation got an argument out of range: a lock end (`until`) not in the future or more than 10 years ahead, a page size (`first`) outside 1–100, a search longer than 200 characters, or a cursor the server did not hand out.',
    action:
      'Correct the argument the message names and send again (start paging again without `after`).',
  },
  ADMIN_SELF_ACTION: {
    publicCode: 'CONFLICT',
    message: () => 'Admins cannot lock or delete their own account here.',
    when: 'An admin tried to lock or delete the account they are signed in with.',
    action:
      'Ask another admin to do it, or delete your own account from the account settings (deleteMyAccount).',
  },
  ADMIN_JOB_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such failed job.',
    when: 'retryFailedJob named a job the queue keeps no failed job for: never failed, already retried, or removed (failed jobs are kept 7 days).',
    action: 'Read the queue status again (adminQueues) and retry one of the failed jobs it lists.',
  },
});
