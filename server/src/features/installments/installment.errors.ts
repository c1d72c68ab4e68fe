import { defineErrors } from '../../graphql/app-error';

export type InstallmentErrorCode = 'INSTALLMENT_INPUT_INVALID';

export const InstallmentError = defineErrors<InstallmentErrorCode>('InstallmentError', {
  INSTALLMENT_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'installmentPlan was given a principal not above zero or beyond the largest accepted, an APR that is not a decimal percent from 0 to 100 with at most 4 decimals, or a number of months outside 1–600. The message names the field.',
    action: 'Correct the field the message names and ask again.',
    message: (d) => String(d.message),
  },
});
