import { defineErrors } from '../../graphql/app-error';

export type RuleErrorCode = 'RULE_INPUT_INVALID' | 'RULE_NOT_FOUND' | 'RULE_ID_TAKEN';

export const RuleError = defineErrors<RuleErrorCode>('RuleError', {
  RULE_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A rule is refused: the id is not a UUID, it has no condition or no action, the pattern is empty, longer than 100 characters, holds a control character (NUL included) or is a glob matching everything or with more than 8 `*`, minAmount is above maxAmount, the new payee name is empty, too long or holds a control character, the tags break the tag rules, or the position is negative. The message says which.',
    action: 'Correct what the message names and send the rule again.',
    message: (d) => String(d.message),
  },
  RULE_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The id names no rule of yours (unknown, deleted, or someone else’s).',
    action: 'Refresh the list of rules (or pull changes) and stop using this id.',
    message: () => 'No such rule.',
  },
  RULE_ID_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'A rule was created with an id that another person’s rule already uses.',
    action: 'Generate a new random UUID for the rule and create it again.',
    message: () => 'This id is already used: generate a new UUID.',
  },
});
