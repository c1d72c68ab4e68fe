/**
 * Typed errors of the engine. Every failure a caller can cause carries a closed code and a
 * `details` object, so the server can map each code to a user-facing error without parsing text.
 */

/** Every code the engine may throw; closed so callers can switch exhaustively. */
export type EngineErrorCode =
  | 'MONEY_INVALID'
  | 'MONEY_TOO_MANY_DECIMALS'
  | 'MONEY_OUT_OF_RANGE'
  | 'CURRENCY_UNKNOWN'
  | 'CURRENCY_MISMATCH'
  | 'LOCALE_INVALID'
  | 'DATE_INVALID'
  | 'MONTH_INVALID'
  | 'INSTANT_INVALID'
  | 'TIMEZONE_INVALID'
  | 'CATEGORY_UNKNOWN'
  | 'CATEGORY_INVALID'
  | 'BUDGET_INFEASIBLE'
  | 'PLAN_INVALID'
  | 'TRANSACTION_INVALID'
  | 'INPUT_INVALID';

/** Structured context of an error; values are plain JSON so they can travel to a client. */
export type EngineErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** The one error class the engine throws for bad input; `code` is stable, `message` is for humans. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: EngineErrorDetails;

  constructor(code: EngineErrorCode, message: string, details: EngineErrorDetails = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.details = details;
  }
}

/** Tells whether a value is an EngineError, optionally with a given code. */
export function isEngineError(value: unknown, code?: EngineErrorCode): value is EngineError {
  return value instanceof EngineError && (code === undefined || value.code === code);
}
