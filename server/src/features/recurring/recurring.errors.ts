import { defineErrors } from '../../graphql/app-error';

export type RecurringErrorCode =
  | 'RECURRING_INPUT_INVALID'
  | 'RECURRING_NOT_FOUND'
  | 'RECURRING_HISTORY_LOCKED'
  | 'RECURRING_ACCOUNT_ARCHIVED';

export const RecurringError = defineErrors<RecurringErrorCode>('RecurringError', {
  RECURRING_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A recurring transaction is refused: onboarding is not complete, the id is not a UUID or is another person’s, the amount is not above zero, dayNumber, month or interval does not fit the schedule (1–31 monthly and yearly, 0–6 weekly, a day the month has, interval 1–366), `from` is after the rule’s last day, endOn is before startOn, or startOn is more than 366 days before today. The message says which.',
    action:
      'Correct what the message names (or complete onboarding first) and send the request again.',
    message: (d) => String(d.message),
  },
  RECURRING_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The id names no recurring transaction of yours (unknown, deleted, or someone else’s).',
    action: 'Refresh the list of recurring transactions and stop using this id.',
    message: () => 'No such recurring transaction.',
  },
  RECURRING_HISTORY_LOCKED: {
    publicCode: 'CONFLICT',
    when: 'An edit from a date on names a `from` on or before the last occurrence already posted: the change would rewrite history. Posted occurrences never change.',
    action:
      'Choose a `from` after postedThrough, or edit or delete the posted transactions one by one.',
    message: (d) =>
      `Occurrences through ${String(d.postedThrough)} are already posted; choose a from after it.`,
  },
  RECURRING_ACCOUNT_ARCHIVED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A recurring transaction is created or changed to book into an archived money account: an archived account takes no new bookings. Nothing is written.',
    action:
      'Choose one of the accounts that are not archived (or none, for the default account), or unarchive the account first.',
    message: () => 'This account is archived: choose another one.',
  },
});
