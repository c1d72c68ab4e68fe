/** Where the GraphQL API answers, over HTTP and over WebSocket. */
export interface ApiEndpoints {
  httpUrl: string;
  wsUrl: string;
}

/**
 * The API serves this app, so GraphQL lives on the same origin at `/graphql`; subscriptions use the
 * same path over WebSocket. The Capacitor app is served from the device, so its build names the
 * API's origin (`NEXT_PUBLIC_PACE_API_ORIGIN`, e.g. https://pace.example.com; the API lists the
 * app's origin in CORS_ORIGINS).
 */
export function resolveApiEndpoints(
  location: Pick<Location, 'protocol' | 'host'>,
  apiOrigin: string | undefined = process.env.NEXT_PUBLIC_PACE_API_ORIGIN,
): ApiEndpoints {
  if (apiOrigin) {
    const api = new URL(apiOrigin);
    const wsProtocol = api.protocol === 'https:' ? 'wss:' : 'ws:';
    return { httpUrl: `${api.origin}/graphql`, wsUrl: `${wsProtocol}//${api.host}/graphql` };
  }
  const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    httpUrl: '/graphql',
    wsUrl: `${wsProtocol}//${location.host}/graphql`,
  };
}
