import { defineErrors } from '../../graphql/app-error';

export type MoneyAccountErrorCode =
  | 'MONEY_ACCOUNT_NOT_FOUND'
  | 'MONEY_ACCOUNT_INPUT_INVALID'
  | 'MONEY_ACCOUNT_ID_TAKEN'
  | 'TRANSFER_NOT_FOUND'
  | 'TRANSFER_INPUT_INVALID';

export const MoneyAccountError = defineErrors<MoneyAccountErrorCode>('MoneyAccountError', {
  MONEY_ACCOUNT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The account id names no money account of yours (unknown, not a UUID, or someone else’s), on an account operation, a transfer or a transaction’s accountId.',
    action: 'Refresh the list of accounts (the `accounts` query or a sync) and use one of its ids.',
    message: () => 'No such account.',
  },
  MONEY_ACCOUNT_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'An account write or read is refused: onboarding is not complete, the id is not a UUID, the name is empty or longer than 100 characters, or a net worth range ends before it starts or spans more than 120 months. The message says which.',
    action: 'Correct what the message names (or complete onboarding first) and send it again.',
    message: (d) => String(d.message),
  },
  MONEY_ACCOUNT_ID_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'An account or transfer was created with an id that another person’s record already uses.',
    action: 'Generate a new random UUID and create it again.',
    message: () => 'This id is already used: generate a new UUID.',
  },
  TRANSFER_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The transfer id names no transfer of yours (unknown, deleted for good, or someone else’s).',
    action: 'Refresh the account (or pull changes) and stop using this id.',
    message: () => 'No such transfer.',
  },
  TRANSFER_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A transfer is refused: both sides name the same account, an account is archived, the amount is not above zero, or the note is longer than 500 characters. The message says which.',
    action: 'Correct what the message names and send the transfer again.',
    message: (d) => String(d.message),
  },
});
