import { defineErrors } from '../../graphql/app-error';

export type PremiumErrorCode = 'PREMIUM_USER_NOT_FOUND' | 'PREMIUM_INPUT_INVALID';

export const PremiumError = defineErrors<PremiumErrorCode>('PremiumError', {
  PREMIUM_USER_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such user.',
    when: 'grantPremiumAccess or revokePremiumAccess was given a user id that names no account.',
    action: 'Look the person up again and use their account id.',
  },
  PREMIUM_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'grantPremiumAccess was given an end (`until`) that is not in the future.',
    action: 'Send an end date still to come, or none for premium without an end.',
  },
});
