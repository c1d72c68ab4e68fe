import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Container } from '../app/container';
import {
  loadManifest,
  persistedQueryCache,
  type PersistedQueryManifest,
} from './persisted-queries';
import { createContext, type GraphQLContext } from './context';
import { inputBoundErrors, inputBoundsPlugin } from './input-bounds';
import { parseLimited, queryLimitRules } from './limits';
import { subscriptionAccessErrors } from './scopes';
import { createErrorFormatter, errorRequestPlugin } from './format-error';
import { metricsPlugin } from './metrics-plugin';
import { rateLimitHeadersPlugin } from './rate-limit-headers';

export interface GraphQLServer {
  apollo: ApolloServer<GraphQLContext>;
  /** The operations anonymous and session callers may run (PERSISTED_QUERIES=allowlist), else null. */
  allowlist: PersistedQueryManifest | null;
  /** Closes every websocket (code 1001) and waits for their cleanups. */
  closeSockets(): Promise<void>;
}

/** Apollo for queries and mutations, graphql-ws for subscriptions, one schema and one context. */
export async function createGraphQLServer(options: {
  container: Container;
  schema: GraphQLSchema;
  httpServer: HttpServer;
  path: string;
}): Promise<GraphQLServer> {
  const { container, schema, httpServer } = options;
  const { config } = container;
  const validationRules = queryLimitRules({
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
  });
  const documentLimits = {
    maxBytes: config.GRAPHQL_MAX_DOCUMENT_BYTES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
  };
  const formatError = createErrorFormatter(container.logger, {
    strictReasons: config.NODE_ENV === 'test',
    capture: (error, context) => container.errors.capture(error, context),
  });
  const wsServer = new WebSocketServer({ server: httpServer, path: options.path });
  const { metrics } = container;
  const disposable = useServer<
    Record<string, unknown>,
    { socket: WebSocket; context?: GraphQLContext; checkedAtMs?: number }
  >(
    {
      schema,
      validate: (schema, document) =>
        validate(schema, document, [...specifiedRules, ...validationRules]),
      // The token is read once, when the socket connects (connectionParams.authorization).
      context: async (ctx) => {
        ctx.extra.context ??= await subscriptionContext(
          container,
          ctx.connectionParams,
          ctx.extra.request,
        );
        return ctx.extra.context;
      },
      onConnect: (ctx) => {
        if (authorizationOf(ctx.connectionParams) !== undefined) return true;
        // Anonymous sockets may only do what needs no token, and only briefly.
        const socket = ctx.extra.socket;
        setTimeout(() => {
          if (socket.readyState === socket.OPEN) socket.close(4401, 'Unauthorized');
        }, config.GRAPHQL_WS_ANONYMOUS_MS).unref();
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already reserved this operation's id in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > config.GRAPHQL_WS_MAX_SUBSCRIPTIONS)
          return [
            new GraphQLError(
              `A connection may hold at most ${config.GRAPHQL_WS_MAX_SUBSCRIPTIONS} operations.`,
              { extensions: { code: 'RATE_LIMITED', limit: 'subscriptions' } },
            ),
          ];
        // An operation started on an open socket runs only while its session or token lives: a
        // logged-out session's socket must not write (onNext covers what already runs).
        const authorization = authorizationOf(ctx.connectionParams);
        if (
          authorization !== undefined &&
          !(await container.services.auth.isStillValid(authorization))
        ) {
          ctx.extra.socket.close(4401, 'Unauthorized: the session or token has ended');
          return [
            new GraphQLError('The session or token has ended.', {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ];
        }
        ctx.extra.context ??= await subscriptionContext(
          container,
          ctx.connectionParams,
          ctx.extra.request,
        );
        // Parsed here under the caps; graphql-ws then validates it with the limit rules.
        const parsed = parseLimited(payload.query, documentLimits);
        if ('errors' in parsed) return parsed.errors;
        const { document } = parsed;
        const outOfBounds = inputBoundErrors(
          schema,
          document,
          payload.operationName,
          payload.variables,
        );
        if (outOfBounds.length > 0) return outOfBounds;
        const denied = await subscriptionAccessErrors(schema, document, ctx.extra.context);
        if (denied.length > 0) return denied;
        metrics.subscriptionsOpen.inc();
        return undefined;
      },
      // Results over the socket are formatted as over HTTP: typed codes, no internals. Before
      // each event the socket's token is checked again, so a logged-out session, a revoked
      // token or an expired one stops receiving at once: the socket closes (4401) and the
      // client reconnects with a fresh token, or not at all.
      onNext: async (ctx, _id, _payload, _args, result) => {
        const authorization = authorizationOf(ctx.connectionParams);
        const now = Date.now();
        if (
          authorization !== undefined &&
          now - (ctx.extra.checkedAtMs ?? 0) >= config.GRAPHQL_WS_RECHECK_MS
        ) {
          if (!(await container.services.auth.isStillValid(authorization))) {
            ctx.extra.socket.close(4401, 'Unauthorized: the session or token has ended');
            return { errors: [new GraphQLError('The session or token has ended.')] };
          }
          ctx.extra.checkedAtMs = now;
        }
        if (!result.errors?.length) return undefined;
        const request = ctx.extra.context;
        return {
          ...result,
          errors: result.errors.map((error) => formatError(error.toJSON(), error, request)),
        };
      },
      onComplete: () => {
        metrics.subscriptionsOpen.dec();
      },
      onError: (_ctx, _id, _payload, errors) => {
        container.logger.warn({ errors }, 'subscription error');
      },
    },
    wsServer,
  );

  const allowlist = allowlistOf(container.config);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // Automatic persisted queries (docs/api.md); in allowlist mode the cache knows only the manifest.
    persistedQueries:
      container.config.PERSISTED_QUERIES === 'off'
        ? false
        : {
            cache: persistedQueryCache(allowlist ?? new Map<string, string>(), {
              manifestOnly: allowlist !== null,
            }),
          },
    formatError,
    introspection: container.config.GRAPHQL_INTROSPECTION,
    validationRules,
    // The byte cap is checked in http.ts before Apollo parses.
    parseOptions: { maxTokens: documentLimits.maxTokens },
    // Apollo's default, stated because tests rely on it: non-JSON requests need a preflight header.
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (run-process.ts): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metricsPlugin(metrics),
      inputBoundsPlugin(),
      errorRequestPlugin(),
      rateLimitHeadersPlugin(),
      // The API sends no cache hints (responses are per viewer): without this, Apollo's default
      // cache-control plugin hooks into the resolution of every field of every response.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  return {
    apollo,
    allowlist,
    closeSockets: async () => {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

function subscriptionContext(
  container: Container,
  params: Readonly<Record<string, unknown>> | undefined,
  request: IncomingMessage,
): Promise<GraphQLContext> {
  const requestId = randomUUID();
  const authorization = authorizationOf(params);
  const origin = request.headers.origin;
  return createContext(
    { requestId, logger: container.logger.child({ requestId }), services: container.services },
    {
      authorization,
      clientIp: request.socket.remoteAddress,
      origin,
    },
  );
}

function authorizationOf(
  params: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  return typeof authorization === 'string' && authorization !== '' ? authorization : undefined;
}

/** The manifest when PERSISTED_QUERIES=allowlist (read once at start; a bad file stops the start). */
function allowlistOf(config: Container['config']): PersistedQueryManifest | null {
  if (config.PERSISTED_QUERIES !== 'allowlist') return null;
  if (!config.PERSISTED_QUERIES_MANIFEST)
    throw new Error('PERSISTED_QUERIES=allowlist needs PERSISTED_QUERIES_MANIFEST (a file path).');
  return loadManifest(config.PERSISTED_QUERIES_MANIFEST);
}
