import { GraphqlRequestError, NetworkUnavailableError } from '@/lib/sync/transport';

/** The `auth.errors` message that explains a failed account request to the person. */
export type AuthErrorKey =
  | 'invalidCredentials'
  | 'emailTaken'
  | 'weakPassword'
  | 'invalidProfile'
  | 'resetTokenInvalid'
  | 'rateLimited'
  | 'passkeyFailed'
  | 'passkeysUnavailable'
  | 'googleFailed'
  | 'referralCodeUnknown'
  | 'offline'
  | 'unknown';

const BY_CODE: Record<string, AuthErrorKey> = {
  INVALID_CREDENTIALS: 'invalidCredentials',
  EMAIL_TAKEN: 'emailTaken',
  WEAK_PASSWORD: 'weakPassword',
  INVALID_PROFILE: 'invalidProfile',
  BAD_USER_INPUT: 'invalidProfile',
  RESET_TOKEN_INVALID: 'resetTokenInvalid',
  RATE_LIMITED: 'rateLimited',
  PASSKEY_NOT_FOUND: 'passkeyFailed',
  PASSKEY_VERIFICATION_FAILED: 'passkeyFailed',
  PASSKEYS_NOT_CONFIGURED: 'passkeysUnavailable',
  GOOGLE_NOT_CONFIGURED: 'googleFailed',
  GOOGLE_TOKEN_INVALID: 'googleFailed',
  REFERRAL_CODE_UNKNOWN: 'referralCodeUnknown',
};

export function authErrorKeyOf(error: unknown): AuthErrorKey {
  if (error instanceof NetworkUnavailableError) return 'offline';
  // The feature's own reason (INVALID_CREDENTIALS) says more than the public code (UNAUTHENTICATED).
  if (error instanceof GraphqlRequestError)
    return BY_CODE[error.reason ?? ''] ?? BY_CODE[error.code] ?? 'unknown';
  // The browser's passkey prompt was cancelled or is unsupported.
  if (error instanceof Error && error.name === 'NotAllowedError') return 'passkeyFailed';
  return 'unknown';
}
