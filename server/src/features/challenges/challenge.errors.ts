import { defineErrors } from '../../graphql/app-error';

export type ChallengeErrorCode = 'CHALLENGE_NOT_FOUND' | 'CHALLENGE_UNAVAILABLE';

export const ChallengeError = defineErrors<ChallengeErrorCode>('ChallengeError', {
  CHALLENGE_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: () => 'No such challenge.',
    when: 'The challenge id is not in the catalogue.',
    action: 'Read `challenges` for the ids of the catalogue.',
  },
  CHALLENGE_UNAVAILABLE: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => String(d.message),
    when: 'A capped challenge was joined without a budget, or the plan of the current month gives its categories nothing (there is nothing to cap).',
    action: 'Finish onboarding, or choose a challenge whose `isAvailable` is true in `challenges`.',
  },
});
