import { defineErrors } from '../../graphql/app-error';

export type FlagErrorCode = 'FLAG_NOT_FOUND' | 'FLAG_INPUT_INVALID' | 'FLAG_USER_NOT_FOUND';

export const FlagError = defineErrors<FlagErrorCode>('FlagError', {
  FLAG_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such feature flag.',
    when: 'A per-person override or a deletion named a flag key that does not exist.',
    action: 'Create the flag with saveFeatureFlag first, or read featureFlags for the keys.',
  },
  FLAG_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'A flag key that is not lower-case words joined by dots, dashes or underscores (at most 64 characters), a rollout outside 0–100, or a description over 500 characters.',
    action: 'Correct the field the message names and send again.',
  },
  FLAG_USER_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such user.',
    when: 'A per-person override named a user id that is no account.',
    action: 'Look the person up again and use their account id.',
  },
});
