import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/** Headers a browser client on another origin may read (CORS `exposedHeaders`). */
export const RATE_LIMIT_HEADERS = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
];

/**
 * What an integrator needs to pace itself, on every HTTP response to a signed-in caller: the
 * viewer's limit, what is left of it and when its window starts again (`RateLimit-*`, as the IETF
 * HTTP API rate-limit fields draft names them, in seconds). A refused request (any error with code
 * RATE_LIMITED, the viewer's own limit or a per-address one) also carries `Retry-After` in seconds,
 * the longest wait among its errors. The body keeps its GraphQL shape (and `retryAfter` in each
 * error's extensions).
 */
export function rateLimitHeadersPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        const headers = response.http.headers;
        const state = await contextValue.admission?.catch(() => undefined);
        if (state) {
          headers.set('RateLimit-Limit', String(state.limit));
          headers.set('RateLimit-Remaining', String(state.remaining));
          headers.set('RateLimit-Reset', String(state.resetS));
          headers.set('RateLimit-Policy', `${state.limit};w=${state.windowS}`);
        }
        if (response.body.kind !== 'single') return;
        const waits = (response.body.singleResult.errors ?? []).flatMap((error) =>
          error.extensions?.code === 'RATE_LIMITED' &&
          typeof error.extensions.retryAfter === 'number'
            ? [error.extensions.retryAfter]
            : [],
        );
        if (waits.length > 0) headers.set('Retry-After', String(Math.max(...waits)));
      },
    }),
  };
}
