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

/**
 * One code of a feature error, as the error catalogue (`errorReasons`, the `ErrorReason` enum,
 * docs/errors.md) shows it to integrators: `when` and `action` are required, so no code exists
 * without its documentation.
 */
export interface ErrorDefinition {
  publicCode: PublicErrorCode;
  /** When the server answers with this reason, in the caller's terms. */
  when: string;
  /** What the client (or the person using it) should do about it. */
  action: string;
  message: (details: Record<string, unknown>) => string;
}

/** Declares a feature error class from a table of its codes. */
export function defineErrors<TCode extends string>(
  name: string,
  table: Readonly<Record<TCode, ErrorDefinition>>,
) {
  return class FeatureError extends AppError<TCode> {
    /** The class's name on errors and in the error catalogue. */
    static readonly errorName: string = name;
    /** Every code of the class with its definition, read by the error catalogue. */
    static readonly definitions: Readonly<Record<string, ErrorDefinition>> = table;

    readonly publicCode: PublicErrorCode;

    constructor(code: TCode, details: Record<string, unknown> = {}) {
      super(code, table[code].message(details), details);
      this.name = name;
      this.publicCode = table[code].publicCode;
    }
  };
}
