import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from '../infra/logger';
import { AppError } from './app-error';

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
 * else becomes INTERNAL_SERVER_ERROR with a correlation id that is also in the log.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
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
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_CLIENT_CODES.has(code)) {
      const limit = formatted.extensions?.limit;
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code, ...(typeof limit === 'string' ? { limit } : {}) },
      };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
    return {
      message: `Something went wrong on our side. Reference: ${correlationId}`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}

function safeDetails(error: { details: Record<string, unknown> }): Record<string, unknown> {
  return Object.keys(error.details).length > 0 ? { details: error.details } : {};
}
