import { defineErrors } from '../../graphql/app-error';

export type AccountErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_TAKEN'
  | 'WEAK_PASSWORD'
  | 'INVALID_PROFILE'
  | 'RESET_TOKEN_INVALID'
  | 'REAUTHENTICATION_FAILED'
  | 'USER_NOT_FOUND';

export const AccountError = defineErrors<AccountErrorCode>('AccountError', {
  INVALID_CREDENTIALS: {
    publicCode: 'UNAUTHENTICATED',
    message: () => 'Invalid email or password.',
  },
  EMAIL_TAKEN: {
    publicCode: 'CONFLICT',
    message: () => 'An account with this e-mail already exists: sign in instead.',
  },
  WEAK_PASSWORD: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  INVALID_PROFILE: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `${String(d.field)} is not valid: ${String(d.expected)}.`,
  },
  RESET_TOKEN_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This reset link is invalid or has expired: ask for a new one.',
  },
  REAUTHENTICATION_FAILED: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'Confirm with your current password (or sign in again).',
  },
  USER_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such user.' },
});
