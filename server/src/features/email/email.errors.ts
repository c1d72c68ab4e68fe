import { defineErrors } from '../../graphql/app-error';

export type EmailErrorCode =
  | 'EMAIL_NOT_VERIFIED'
  | 'VERIFICATION_TOKEN_INVALID'
  | 'VERIFICATION_TOKEN_USED'
  | 'VERIFICATION_TOKEN_EXPIRED'
  | 'UNSUBSCRIBE_LINK_INVALID';

export const EmailError = defineErrors<EmailErrorCode>('EmailError', {
  EMAIL_NOT_VERIFIED: {
    publicCode: 'FORBIDDEN',
    when: 'startPremiumCheckout or downloadMyData was called by a person who has not yet verified their e-mail address (me.emailVerified is false). Everything else works before verification.',
    action:
      'Ask the person to open the link in the verification mail (resendVerification sends a new one), then try again.',
    message: () => 'Verify your e-mail address first: open the link we sent you.',
  },
  VERIFICATION_TOKEN_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'verifyEmail was given a token that this server never sent, or one sent to an address the account no longer has.',
    action: 'Ask for a new link with resendVerification and open the newest mail.',
    message: () => 'This verification link is not valid: ask for a new one.',
  },
  VERIFICATION_TOKEN_USED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'verifyEmail was given a token that was used already (each link works once; using one voids the others).',
    action:
      'Check me.emailVerified: the address is most likely verified already. If not, ask for a new link with resendVerification.',
    message: () => 'This verification link was used already.',
  },
  VERIFICATION_TOKEN_EXPIRED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'verifyEmail was given a token older than 48 hours.',
    action: 'Ask for a new link with resendVerification and open it within 48 hours.',
    message: () => 'This verification link has expired: ask for a new one.',
  },
  UNSUBSCRIBE_LINK_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'POST /api/email/unsubscribe was given a token that this server did not make (altered, or its account was deleted).',
    action: 'Change which mails the person receives in Settings (updateEmailPreferences) instead.',
    message: () =>
      'This unsubscribe link is not valid: change your e-mail preferences in Settings.',
  },
});
