import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import type { ApiEndpoints } from './api-endpoints';

/**
 * Builds the browser's Apollo Client: subscriptions go over graphql-ws, everything else over HTTP.
 * Call it in the browser only (it opens sockets on demand).
 */
export function createApolloClient(endpoints: ApiEndpoints): ApolloClient {
  const httpLink = new HttpLink({ uri: endpoints.httpUrl, credentials: 'same-origin' });
  // lazy: the socket opens with the first subscription and closes after the last, so an offline
  // start or a page without live data never tries to connect.
  const wsLink = new GraphQLWsLink(createClient({ url: endpoints.wsUrl, lazy: true }));

  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    wsLink,
    httpLink,
  );

  return new ApolloClient({ link, cache: new InMemoryCache() });
}
