import { defineErrors } from '../../graphql/app-error';

export type SplitErrorCode =
  | 'SPLIT_NOT_FOUND'
  | 'SPLIT_ID_TAKEN'
  | 'SPLIT_INPUT_INVALID'
  | 'SPLIT_TOTAL_MISMATCH'
  | 'SPLIT_PART_LOCKED';

export const SplitError = defineErrors<SplitErrorCode>('SplitError', {
  SPLIT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The split id names no split payment of yours: it never existed or belongs to someone else.',
    action: 'Refresh the ledger (or pull changes) and stop using this id.',
    message: () => 'No such split payment.',
  },
  SPLIT_ID_TAKEN: {
    publicCode: 'CONFLICT',
    when: 'A split, or one of its parts, was created with an id that another record already uses (another person’s, another split’s part, or a plain transaction).',
    action: 'Generate new random UUIDs for the split and its parts and send the request again.',
    message: () => 'This id is already used: generate a new UUID.',
  },
  SPLIT_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A split is refused: fewer than 2 or more than 20 parts, a part not above zero, an id that is not a UUID, a part id given twice, a text that is too long, or a transaction to replace that is itself a part of a split. The message says which.',
    action: 'Correct what the message names and send the request again.',
    message: (d) => String(d.message),
  },
  SPLIT_TOTAL_MISMATCH: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The parts of a split do not add up to its total exactly (details carry `totalMinor` and `partsMinor`), or an edit of one part’s amount alone would break the total.',
    action:
      'Edit the split (`updateSplit`) so its parts add up to the total, or change another part by the same amount in the same edit.',
    message: (d) =>
      d.partsMinor === undefined
        ? 'Changing one part’s amount alone would break the split’s total: edit the split, or change another part by the same amount.'
        : 'The parts do not add up to the total exactly.',
  },
  SPLIT_PART_LOCKED: {
    publicCode: 'CONFLICT',
    when: 'A transaction that is a part of a split was deleted, restored, or moved to another day, direction or payee on its own; the parts of a split share these and are deleted together. A part’s category and note may be edited alone.',
    action:
      'Use `updateSplit` to change the split’s day, payee or parts, or `deleteSplit` to delete the whole payment.',
    message: () =>
      'This transaction is a part of a split: edit or delete the split instead (a part’s category and note can be changed alone).',
  },
});
