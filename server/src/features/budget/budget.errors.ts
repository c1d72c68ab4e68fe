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
    when: 'A budget operation was called before the person completed onboarding, so there is no budget yet.',
    action: 'Call completeOnboarding first, then repeat the request.',
    message: () => 'Complete onboarding first: there is no budget yet.',
  },
  BUDGET_INFEASIBLE: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The plan settings cannot make a plan, typically because bills and savings need more than the income; the message and details explain.',
    action: 'Lower bills or the savings target, or raise the income, and send the settings again.',
    message: (d) => String(d.message),
  },
  BUDGET_INPUT_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'A budget input is refused: plan settings the engine rejects, a region that is not an ISO 3166 code, a threshold not above zero, a history range that is reversed or too long, a manual move on past days or between the same cell, or a category marked as the buffer. The message says which.',
    action: 'Correct what the message names and send the request again.',
    message: (d) => String(d.message),
  },
  TIME_ZONE_INVALID: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The time zone is not a known IANA time zone name (details.timeZone).',
    action: 'Send an IANA name such as Europe/Paris or America/New_York.',
    message: (d) => `Unknown time zone "${String(d.timeZone)}".`,
  },
  CURRENCY_UNSUPPORTED: {
    publicCode: 'BAD_USER_INPUT',
    when: 'The currency is not a known ISO 4217 code (details.currency).',
    action: 'Send a three-letter ISO 4217 code such as USD or EUR.',
    message: (d) => `Unknown currency "${String(d.currency)}".`,
  },
  PLAN_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'There is no plan for the month asked (details.month): a month before the budget started, or one not planned yet.',
    action: 'Ask only for months that have a plan (budgetHistory lists them).',
    message: (d) => `There is no plan for ${String(d.month)}.`,
  },
  CATEGORY_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'The category id names no category of yours (unknown, or someone else’s).',
    action: 'Refresh the list from the `categories` query and stop using this id.',
    message: () => 'No such category.',
  },
  ADJUSTMENT_NOT_FOUND: {
    publicCode: 'NOT_FOUND',
    when: 'deleteBudgetAdjustment was given an id that names no manual move of yours.',
    action: 'Refresh the moves from `budgetAdjustments` and stop using this id.',
    message: () => 'No such budget adjustment.',
  },
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
