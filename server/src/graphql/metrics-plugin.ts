import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../infra/metrics';
import type { GraphQLContext } from './context';

/** Counts operations by name, type and outcome, their duration, and errors by public code. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: async () => {
      const started = performance.now();
      return {
        willSendResponse: async ({ operationName, operation, errors }) => {
          const name = operationName ?? 'anonymous';
          const type = operation?.operation ?? 'unknown';
          const outcome = errors && errors.length > 0 ? 'error' : 'success';
          metrics.graphqlOperations.inc({ operation: name, type, outcome });
          metrics.graphqlDuration.observe(
            { operation: name, type },
            (performance.now() - started) / 1000,
          );
        },
        didEncounterErrors: async ({ operationName, errors }) => {
          for (const error of errors) {
            const original = error.originalError as { publicCode?: string } | undefined;
            const extensionCode = error.extensions.code;
            const code =
              original?.publicCode ??
              (typeof extensionCode === 'string' ? extensionCode : 'INTERNAL_SERVER_ERROR');
            metrics.graphqlErrors.inc({ operation: operationName ?? 'anonymous', code });
          }
        },
      };
    },
  };
}
