import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Container } from '../app/container';
import type { GraphQLContext } from './context';
import { createErrorFormatter } from './format-error';
import { metricsPlugin } from './metrics-plugin';

export interface GraphQLServer {
  apollo: ApolloServer<GraphQLContext>;
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
  const formatError = createErrorFormatter(container.logger);
  const wsServer = new WebSocketServer({ server: httpServer, path: options.path });
  const { metrics } = container;
  const disposable = useServer<Record<string, unknown>, { context?: GraphQLContext }>(
    {
      schema,
      context: (ctx) => {
        ctx.extra.context ??= subscriptionContext(container);
        return ctx.extra.context;
      },
      onSubscribe: () => {
        metrics.subscriptionsOpen.inc();
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

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    introspection: container.config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (run-process.ts): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), metricsPlugin(metrics)],
  });
  await apollo.start();

  return {
    apollo,
    closeSockets: async () => {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

function subscriptionContext(container: Container): GraphQLContext {
  const requestId = randomUUID();
  return { requestId, logger: container.logger.child({ requestId }), services: container.services };
}
