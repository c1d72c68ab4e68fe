import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { currentAccessToken } from '@/features/sync/session-bridge';
import type { ApiEndpoints } from './api-endpoints';

/**
 * Builds the browser's Apollo Client: subscriptions go over graphql-ws, everything else over HTTP.
 * Call it in the browser only (it opens sockets on demand).
 */
export function createApolloClient(endpoints: ApiEndpoints): ApolloClient {
  // Every request carries the session's token, taken (and refreshed) at the moment it is sent.
  const httpLink = new HttpLink({
    uri: endpoints.httpUrl,
    credentials: 'same-origin',
    fetch: async (input, init) => {
      const token = await currentAccessToken();
      const headers = new Headers(init?.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });
  // lazy: the socket opens with the first subscription and closes after the last, so an offline
  // start or a page without live data never tries to connect.
  const wsLink = new GraphQLWsLink(
    createClient({
      url: endpoints.wsUrl,
      lazy: true,
      connectionParams: async () => {
        const token = await currentAccessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  );

  const link = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    wsLink,
    httpLink,
  );

  return new ApolloClient({ link, cache: new InMemoryCache() });
}
