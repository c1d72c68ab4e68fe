/** How sync talks to the API: one GraphQL request, answered with `data` or a typed failure. */
export type GraphqlTransport = <T>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<T>;

/** The API answered with errors: `code` is the first error's `extensions.code`. */
export class GraphqlRequestError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string | null,
  ) {
    super(code);
    this.name = 'GraphqlRequestError';
  }
}

/** The API could not be reached (offline, server down, 5xx): the outbox keeps the mutation. */
export class NetworkUnavailableError extends Error {
  constructor(message = 'network unavailable') {
    super(message);
    this.name = 'NetworkUnavailableError';
  }
}

interface GraphqlResponse {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string; reason?: string } }[];
}

/** A transport over `fetch` to `url`, with the session's bearer token when there is one. */
export function fetchTransport(
  url: string,
  getAccessToken: () => Promise<string | null> | string | null,
): GraphqlTransport {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const token = await getAccessToken();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new NetworkUnavailableError();
    }
    if (response.status >= 500) throw new NetworkUnavailableError(`HTTP ${response.status}`);
    let body: GraphqlResponse;
    try {
      body = (await response.json()) as GraphqlResponse;
    } catch {
      throw new NetworkUnavailableError('unreadable response');
    }
    const first = body.errors?.[0];
    if (first) {
      throw new GraphqlRequestError(
        first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        first.extensions?.reason ?? null,
      );
    }
    return body.data as T;
  };
}
