import { defineErrors } from '../../graphql/app-error';

export type AuthErrorCode =
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'PAT_SCOPES_INVALID'
  | 'PAT_EXPIRY_INVALID'
  | 'PAT_NOT_FOUND'
  | 'PASSKEY_NOT_FOUND'
  | 'PASSKEY_VERIFICATION_FAILED'
  | 'PASSKEYS_NOT_CONFIGURED'
  | 'GOOGLE_NOT_CONFIGURED'
  | 'GOOGLE_TOKEN_INVALID'
  | 'SESSION_REQUIRED'
  | 'SESSION_NOT_FOUND';

export const AuthError = defineErrors<AuthErrorCode>('AuthError', {
  REFRESH_TOKEN_INVALID: {
    publicCode: 'UNAUTHENTICATED',
    message: () => 'The refresh token is not valid: sign in again.',
  },
  REFRESH_TOKEN_REUSED: {
    publicCode: 'UNAUTHENTICATED',
    message: () =>
      'This refresh token was already used; the session has been ended for safety. Sign in again.',
  },
  PAT_SCOPES_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `These scopes cannot be granted: ${String(d.scopes)}.`,
  },
  PAT_EXPIRY_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'expiresInDays must be between 1 and 365.',
  },
  PAT_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such personal access token.' },
  PASSKEY_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such passkey.' },
  PASSKEY_VERIFICATION_FAILED: {
    publicCode: 'UNAUTHENTICATED',
    message: () => 'The passkey could not be verified.',
  },
  PASSKEYS_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'Passkeys are not configured on this server (WEBAUTHN_RP_ID, WEBAUTHN_ORIGINS).',
  },
  GOOGLE_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    message: () => 'Google sign-in is not configured on this server.',
  },
  GOOGLE_TOKEN_INVALID: {
    publicCode: 'UNAUTHENTICATED',
    message: () => 'The Google sign-in could not be verified.',
  },
  SESSION_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such signed-in session of yours.',
  },
  SESSION_REQUIRED: {
    publicCode: 'FORBIDDEN',
    message: () => 'This needs a signed-in session, not a personal access token.',
  },
});
