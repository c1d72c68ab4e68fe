import { isEngineError } from '@pace/engine';
import { defineErrors } from '../../graphql/app-error';

export type BudgetErrorCode =
  | 'ONBOARDING_REQUIRED'
  | 'BUDGET_INFEASIBLE'
  | 'BUDGET_INPUT_INVALID'
  | 'TIME_ZONE_INVALID'
  | 'CURRENCY_UNSUPPORTED'
  | 'PLAN_NOT_FOUND'
  | 'CATEGORY_NOT_FOUND'
  | 'ADJUSTMENT_NOT_FOUND';

export const BudgetError = defineErrors<BudgetErrorCode>('BudgetError', {
  ONBOARDING_REQUIRED: {
    publicCode: 'CONFLICT',
    message: () => 'Complete onboarding first: there is no budget yet.',
  },
  BUDGET_INFEASIBLE: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  BUDGET_INPUT_INVALID: { publicCode: 'BAD_USER_INPUT', message: (d) => String(d.message) },
  TIME_ZONE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `Unknown time zone "${String(d.timeZone)}".`,
  },
  CURRENCY_UNSUPPORTED: {
    publicCode: 'BAD_USER_INPUT',
    message: (d) => `Unknown currency "${String(d.currency)}".`,
  },
  PLAN_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    message: (d) => `There is no plan for ${String(d.month)}.`,
  },
  CATEGORY_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such category.' },
  ADJUSTMENT_NOT_FOUND: { publicCode: 'NOT_FOUND', message: () => 'No such budget adjustment.' },
});

/** Runs an engine rule, turning its input errors into BudgetErrors (a client's fault, not ours). */
export function withEngineErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isEngineError(error, 'BUDGET_INFEASIBLE'))
      throw new BudgetError('BUDGET_INFEASIBLE', { message: error.message, ...error.details });
    if (isEngineError(error, 'TIMEZONE_INVALID'))
      throw new BudgetError('TIME_ZONE_INVALID', error.details);
    if (isEngineError(error, 'CURRENCY_UNKNOWN'))
      throw new BudgetError('CURRENCY_UNSUPPORTED', error.details);
    if (isEngineError(error))
      throw new BudgetError('BUDGET_INPUT_INVALID', { message: error.message });
    throw error;
  }
}
