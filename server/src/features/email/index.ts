// First, free of imports that lead back here: the error catalogue reads it while this feature may
// still be loading (the unsubscribe route reaches the catalogue).
export { EmailError } from './email.errors';
export { emailVerificationTokens, emailPreferences } from './email.table';
export { EmailRepository } from './email.repository';
export { EmailVerificationService, type ResendOutcome } from './email-verification.service';
export {
  EmailPreferencesService,
  type NotificationEmailSwitch,
  type EmailPreferences as EmailPreferenceValues,
} from './email-preferences.service';
export { EmailResolver } from './email.resolver';
export { emailRouter } from './email.http';
