import { defineErrors } from '../../graphql/app-error';

export type TransactionErrorCode =
  | 'TRANSACTION_NOT_FOUND'
  | 'TRANSACTION_ID_TAKEN'
  | 'CATEGORY_UNKNOWN'
  | 'CURRENCY_MISMATCH'
  | 'TRANSACTION_INPUT_INVALID'
  | 'CURSOR_INVALID';

export const TransactionError = defineErrors<TransactionErrorCode>('TransactionError', {
  TRANSACTION_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The transaction id names no transaction of yours: it never existed, was deleted for good, or belongs to someone else.',
    action: 'Refresh the ledger (or pull changes) and stop using this id.',
    message: () => 'No such transaction.',
  },
  TRANSACTION_ID_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'A transaction was created with an id that another person’s transaction already uses.',
    action: 'Generate a new random UUID for the transaction and create it again.',
    message: () => 'This id is already used: generate a new UUID.',
  },
  CATEGORY_UNKNOWN: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The categoryId is neither a built-in category, one of your own categories, a bill category (bill:…) nor a goal category (goal:…).',
    action: 'Pick a category id from the `categories` query.',
    message: (d) => `Unknown category "${String(d.categoryId)}".`,
  },
  CURRENCY_MISMATCH: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The amount’s currency is not the budget’s currency; details carry `expected` and `given`.',
    action:
      'Send the amount in the budget’s currency (details.expected), or send what was paid as paidAmount with paidCurrency: it is converted for you.',
    message: (d) =>
      `The budget is in ${String(d.expected)}; convert ${String(d.given)} amounts first.`,
  },
  TRANSACTION_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A transaction field is refused: an id that is not a UUID, an amount not above zero, a description or merchant that is too long or holds a NUL character, or tags that break the tag rules (empty, over 40 characters, more than 20, a control character). The message names the field.',
    action: 'Correct the field the message names and send the request again.',
    message: (d) => String(d.message),
  },
  CURSOR_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The `after` cursor given to `transactions` is not one the server handed out (edited, truncated or from another list).',
    action:
      'Start again from the first page (no cursor) and page on with the `endCursor` values returned.',
    message: () => 'The cursor is not valid.',
  },
});
