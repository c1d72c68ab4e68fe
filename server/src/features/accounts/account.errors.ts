import { defineErrors } from '../../graphql/app-error';

export type AccountErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'EMAIL_TAKEN'
  | 'WEAK_PASSWORD'
  | 'INVALID_PROFILE'
  | 'RESET_TOKEN_INVALID'
  | 'REAUTHENTICATION_FAILED'
  | 'USER_NOT_FOUND'
  | 'ACCOUNT_LOCKED';

export const AccountError = defineErrors<AccountErrorCode>('AccountError', {
  INVALID_CREDENTIALS: {
    publicCode: 'UNAUTHENTICATED',
    when: 'login was given an e-mail and password that do not match an account with a password (the answer does not say which part is wrong).',
    action:
      'Let the person correct the e-mail or password, or reset the password. Repeated failures make new devices wait (RATE_LIMITED).',
    message: () => 'Invalid email or password.',
  },
  EMAIL_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'register was given an e-mail address that already has an account.',
    action: 'Sign in with that address instead, or reset its password.',
    message: () => 'An account with this e-mail already exists: sign in instead.',
  },
  WEAK_PASSWORD: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The new password (at registration, change or reset) is too easy to guess; details.suggestions may help.',
    action:
      'Ask the person for a longer, less common password, showing the message and suggestions.',
    message: (d) => String(d.message),
  },
  INVALID_PROFILE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A profile field is not valid: details.field names it (email, name, currency, country, timeZone or locale) and details.expected says what it must be.',
    action: 'Correct the named field as details.expected describes and send the request again.',
    message: (d) => `${String(d.field)} is not valid: ${String(d.expected)}.`,
  },
  RESET_TOKEN_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'completePasswordReset was given a reset token that is unknown, already used or expired (links last 30 minutes).',
    action: 'Ask for a new link with sendPasswordResetLink and use the newest e-mail.',
    message: () => 'This reset link is invalid or has expired: ask for a new one.',
  },
  REAUTHENTICATION_FAILED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A sensitive change (changing the password, deleting the account) needs the current password and it was wrong or missing; for an account without a password, the last sign-in is more than 5 minutes old.',
    action:
      'Ask the person for their current password, or have them sign in again and retry within 5 minutes.',
    message: () => 'Confirm with your current password (or sign in again).',
  },
  USER_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The account the token belongs to no longer exists (it was deleted).',
    action: 'Drop the stored tokens and sign in or register again.',
    message: () => 'No such user.',
  },
  ACCOUNT_LOCKED: {
    publicCode: 'FORBIDDEN',
    when: 'A sign-in (password, Google or passkey) with correct credentials for an account an admin has locked; details.until is when the lock ends.',
    action:
      'Tell the person their account is locked until details.until and to contact support; do not retry before then.',
    message: (d) => `This account is locked until ${String(d.until)}.`,
  },
});
