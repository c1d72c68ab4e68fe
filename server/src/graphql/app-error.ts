/** The stable, public error classes a client can branch on (`extensions.code`). */
export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

/**
 * Base of every feature error. A feature declares its closed union of codes and maps each one to a
 * public code and a safe message; `format-error.ts` turns any AppError into a GraphQL error.
 */
export abstract class AppError<TCode extends string = string> extends Error {
  abstract readonly publicCode: PublicErrorCode;

  constructor(
    readonly code: TCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Declares a feature error class from a table of its codes. */
export function defineErrors<TCode extends string>(
  name: string,
  table: Record<
    TCode,
    { publicCode: PublicErrorCode; message: (details: Record<string, unknown>) => string }
  >,
) {
  return class FeatureError extends AppError<TCode> {
    readonly publicCode: PublicErrorCode;

    constructor(code: TCode, details: Record<string, unknown> = {}) {
      super(code, table[code].message(details), details);
      this.name = name;
      this.publicCode = table[code].publicCode;
    }
  };
}
