import { defineErrors } from '../../graphql/app-error';

export type ReferralErrorCode = 'REFERRAL_CODE_UNKNOWN';

export const ReferralError = defineErrors<ReferralErrorCode>('ReferralError', {
  REFERRAL_CODE_UNKNOWN: {
    publicCode: 'BAD_USER_INPUT',
    message: () => 'This invite code is not known.',
    when: 'register or signInWithGoogle (creating an account) was given a `referralCode` that is not 8 letters and digits of an existing invite code. No account was created.',
    action:
      'Check the code with the person who shared it (letters and digits, no 0, 1, I, L or O), or sign up without one.',
  },
});
