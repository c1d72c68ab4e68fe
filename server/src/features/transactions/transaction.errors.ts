import { defineErrors } from '../../graphql/app-error';

export type TransactionErrorCode =
  | 'TRANSACTION_NOT_FOUND'
  | 'TRANSACTION_ID_TAKEN'
  | 'CATEGORY_UNKNOWN'
  | 'CURRENCY_MISMATCH'
  | 'TRANSACTION_INPUT_INVALID'
  | 'CURSOR_INVALID';

export const TransactionError = defineErrors<TransactionErrorCode>('TransactionError', {
  TRANSACTION_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such transaction.' },
  TRANSACTION_ID_TAKEN: {
    publicCode: 'CONFLICT',
    message: () => 'This id is already used: generate a new UUID.',
  },
  CATEGORY_UNKNOWN: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `Unknown category "${String(d.categoryId)}".`,
  },
  CURRENCY_MISMATCH: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) =>
      `The budget is in ${String(d.expected)}; convert ${String(d.given)} amounts first.`,
  },
  TRANSACTION_INPUT_INVALID: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  CURSOR_INVALID: { publicCode: 'BAD_USER_INPUT', message: () => 'The cursor is not valid.' },
});
