export { VerifyEmailNotice } from './verify-email-notice';
export { VerifyEmailScreen } from './verify-email-screen';
export { EmailPreferencesSection } from './email-preferences-section';
