/** Where the GraphQL API answers, over HTTP and over WebSocket. */
export interface ApiEndpoints {
  httpUrl: string;
  wsUrl: string;
}

/**
 * The API serves this app, so GraphQL lives on the same origin at `/graphql`; subscriptions use the
 * same path over WebSocket.
 */
export function resolveApiEndpoints(location: Pick<Location, 'protocol' | 'host'>): ApiEndpoints {
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    httpUrl: '/graphql',
    wsUrl: `${wsProtocol}//${location.host}/graphql`,
  };
}
