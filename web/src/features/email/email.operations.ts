// E-mail verification and preferences. Typed here until the lead regenerates the web types.

export const EMAIL_STATUS = `query EmailStatus { me { id email emailVerified } }`;

export const RESEND_VERIFICATION = `mutation ResendVerification {
  resendVerification { alreadyVerified sentTo } }`;

export const VERIFY_EMAIL = `mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) { email verifiedAt } }`;

export const EMAIL_PREFERENCES = `query EmailPreferences {
  emailPreferences { notifications productNews } }`;

export const UPDATE_EMAIL_PREFERENCES = `mutation UpdateEmailPreferences($input: UpdateEmailPreferencesInput!) {
  updateEmailPreferences(input: $input) { emailPreferences { notifications productNews } } }`;

export interface EmailStatus {
  me: { id: string; email: string; emailVerified: boolean };
}

export interface EmailPreferencesData {
  notifications: boolean;
  productNews: boolean;
}
