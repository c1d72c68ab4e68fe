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
    when: 'refreshToken was given a refresh token that is unknown, expired, or whose session was ended (sign-out, password change, account deleted).',
    action: 'Drop the stored tokens and sign in again.',
    message: () => 'The refresh token is not valid: sign in again.',
  },
  REFRESH_TOKEN_REUSED: {
    publicCode: 'UNAUTHENTICATED',
    when: 'A refresh token was used a second time. Each one is single-use, so the whole session is ended in case the token was stolen.',
    action:
      'Sign in again; keep only the newest refresh token and never send one twice (for example from two tabs at once).',
    message: () =>
      'This refresh token was already used; the session has been ended for safety. Sign in again.',
  },
  PAT_SCOPES_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'issuePersonalAccessToken asked for no scope, an unknown scope, or a scope your own token does not hold (a token never widens access).',
    action: 'Ask only for scopes listed by the `scopes` query that your current token holds.',
    message: (d) => `These scopes cannot be granted: ${String(d.scopes)}.`,
  },
  PAT_EXPIRY_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'issuePersonalAccessToken was given an expiresInDays that is not a whole number from 1 to 365.',
    action: 'Choose a lifetime of 1 to 365 days.',
    message: () => 'expiresInDays must be between 1 and 365.',
  },
  PAT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The personal access token id names no live token of yours (unknown, already revoked, or someone else’s).',
    action: 'Refresh the list of personal access tokens; nothing is left to revoke.',
    message: () => 'No such personal access token.',
  },
  PASSKEY_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The passkey id names no passkey of yours (unknown, already removed, or someone else’s).',
    action: 'Refresh the list of passkeys; nothing is left to remove.',
    message: () => 'No such passkey.',
  },
  PASSKEY_VERIFICATION_FAILED: {
    publicCode: 'UNAUTHENTICATED',
    when: 'A passkey registration or sign-in could not be verified: the challenge is unknown or expired, the response is not valid JSON or does not match, the passkey is unknown, or the request has no origin to check it against.',
    action:
      'Start again with beginPasskeyRegistration or beginPasskeySignIn and answer the new challenge promptly; offer another way to sign in if it keeps failing.',
    message: () => 'The passkey could not be verified.',
  },
  PASSKEYS_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    when: 'Passkeys are not set up on this server (no WEBAUTHN_RP_ID configured).',
    action:
      'Hide passkey options (signInOptions.passkeys tells you) and sign in another way; the operator can configure WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS.',
    message: () => 'Passkeys are not configured on this server (WEBAUTHN_RP_ID, WEBAUTHN_ORIGINS).',
  },
  GOOGLE_NOT_CONFIGURED: {
    publicCode: 'UNAVAILABLE',
    when: 'signInWithGoogle was called on a server without a Google client id.',
    action: 'Hide Google sign-in (signInOptions.googleClientId is null) and sign in another way.',
    message: () => 'Google sign-in is not configured on this server.',
  },
  GOOGLE_TOKEN_INVALID: {
    publicCode: 'UNAUTHENTICATED',
    when: 'The Google ID token failed verification: bad signature, wrong audience or issuer, expired, or without a verified e-mail address.',
    action: 'Get a fresh ID token from Google for this server’s client id and try again.',
    message: () => 'The Google sign-in could not be verified.',
  },
  SESSION_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'revokeSession was given an id that names no signed-in session of yours.',
    action: 'Refresh the list of sessions; nothing is left to end.',
    message: () => 'No such signed-in session of yours.',
  },
  SESSION_REQUIRED: {
    publicCode: 'FORBIDDEN',
    when: 'signOut was called with a personal access token, which belongs to no session.',
    action:
      'Revoke the personal access token with cancelPersonalAccessToken instead, or call signOut with a session’s access token.',
    message: () => 'This needs a signed-in session, not a personal access token.',
  },
});
