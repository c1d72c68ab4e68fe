import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isDatabaseUnavailable } from '../infra/db/database';
import { QueueUnavailableError } from '../infra/queue/job';
import type { Logger } from '../infra/logger';
import { AppError } from './app-error';
import type { GraphQLContext } from './context';
import { isCataloguedReason } from './error-catalogue';

/** The request an error happened in: its id goes on the wire, its logger carries the id. */
export interface ErrorRequest {
  requestId: string;
  logger: Logger;
}

const requestOfError = new WeakMap<object, ErrorRequest>();

/** Tells the formatter which request each error of an HTTP operation belongs to. */
export function errorRequestPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: ({ contextValue }) =>
      Promise.resolve({
        didEncounterErrors: ({ errors }) => {
          const request = { requestId: contextValue.requestId, logger: contextValue.logger };
          for (const error of errors) requestOfError.set(error, request);
          return Promise.resolve();
        },
      }),
  };
}

const GRAPHQL_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The one mapper from thrown errors to what goes on the wire: AppErrors keep their public code,
 * their feature code (`reason`) and details; GraphQL's own client errors pass through; anything
 * else is logged once (the logger drops statement parameters) and becomes INTERNAL_SERVER_ERROR
 * with the request's id, which is also on the log line and in the X-Request-Id header.
 */
export function createErrorFormatter(
  logger: Logger,
  options: {
    /** Answer an uncatalogued reason as INTERNAL_SERVER_ERROR naming it, so tests fail (NODE_ENV=test). */
    strictReasons?: boolean;
    /** Reports an unexpected error besides the log (error tracking). */
    capture?: (error: unknown, context: { where: string; requestId: string }) => void;
  } = {},
) {
  return (
    formatted: GraphQLFormattedError,
    error: unknown,
    known?: ErrorRequest,
  ): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const uncatalogued = original instanceof AppError ? uncataloguedReason(original.code) : null;
    if (uncatalogued) {
      // Integrators cannot look this reason up: its defineErrors table is missing from
      // graphql/error-catalogue.ts. Production still sends it; tests refuse it.
      logger.error({ reason: uncatalogued }, 'error reason missing from the error catalogue');
      if (options.strictReasons)
        return {
          message: `The error reason ${uncatalogued} is missing from the error catalogue (graphql/error-catalogue.ts).`,
          ...(formatted.path ? { path: formatted.path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR', uncataloguedReason: uncatalogued },
        };
    }
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: {
          code: original.publicCode,
          reason: original.code,
          ...(original.publicCode === 'RATE_LIMITED'
            ? { retryAfter: original.details.retryAfter }
            : {}),
          ...safeDetails(original),
        },
      };
    }
    if (original instanceof ArgumentValidationError) {
      return {
        message: 'The input is not valid.',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const code =
      causedByBadInput(error) || isPreExecutionGraphQLError(error, formatted)
        ? 'BAD_USER_INPUT'
        : formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_CLIENT_CODES.has(code)) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code, ...stringExtensions(formatted, ['limit', 'field', 'argument']) },
      };
    }
    const request = known ?? (isObject(error) ? requestOfError.get(error) : undefined);
    const requestId = request?.requestId ?? randomUUID();
    const requestLogger = request?.logger ?? logger.child({ requestId });
    if (isDatabaseUnavailable(original) || original instanceof QueueUnavailableError) {
      // Nothing was half-written (the transaction rolled back with the connection, or a job was
      // not queued, and work that queues is idempotent by its ids): the same request may be sent again.
      requestLogger.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        message: `The service is briefly unavailable; try again. Reference: ${requestId}`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, requestId },
      };
    }
    // The request's logger carries its id; the logger's serializer drops statement parameters.
    requestLogger.error({ err: original, path: formatted.path }, 'unexpected error');
    options.capture?.(original, { where: 'graphql', requestId });
    return {
      message: `Something went wrong on our side. Reference: ${requestId}`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

function uncataloguedReason(code: unknown): string | null {
  const reason = String(code);
  return isCataloguedReason(reason) ? null : reason;
}

/**
 * An AppError as a plain HTTP endpoint (e.g. `POST /api/receipts`) answers it, in a body
 * `{ errors: [this] }` shaped like GraphQL's: the same code, reason and details.
 */
export function appErrorBody(error: AppError): GraphQLFormattedError {
  return {
    message: error.message,
    extensions: {
      code: error.publicCode,
      reason: error.code,
      ...(error.publicCode === 'RATE_LIMITED' ? { retryAfter: error.details.retryAfter } : {}),
      ...safeDetails(error),
    },
  };
}

function safeDetails(error: { details: Record<string, unknown> }): Record<string, unknown> {
  return Object.keys(error.details).length > 0 ? { details: error.details } : {};
}

function stringExtensions(
  formatted: GraphQLFormattedError,
  names: readonly string[],
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = formatted.extensions?.[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * A literal a scalar refuses (a date out of range in the document itself) fails GraphQL's
 * validation; it is still the client's bad input, as the same value in a variable is.
 */
/**
 * graphql-js raises some request errors without a code and without a cause, such as its abort after
 * 50 bad variable values: with no path and nothing thrown underneath, they describe the request.
 */
function isPreExecutionGraphQLError(error: unknown, formatted: GraphQLFormattedError): boolean {
  return (
    error instanceof GraphQLError &&
    error.originalError === undefined &&
    formatted.path === undefined &&
    error.extensions.code === undefined
  );
}

function causedByBadInput(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isObject(current); depth += 1) {
    const extensions = (current as { extensions?: { code?: unknown } }).extensions;
    if (extensions?.code === 'BAD_USER_INPUT') return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}
