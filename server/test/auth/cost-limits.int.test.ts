import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_MODE, type TestApi } from '../kit';

/** ~1 KB whose naive expansion has 2^27 fields: each fragment spreads the one before twice. */
function nestedFragments(levels: number): string {
  const parts = ['fragment F0 on Query { me { id } }'];
  for (let i = 1; i <= levels; i++)
    parts.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${levels} } ${parts.join(' ')}`;
}

/** Sends one operation over an anonymous websocket and resolves with the errors it got. */
function overWebsocket(url: string, query: string): Promise<unknown[]> {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  return new Promise<unknown[]>((resolve) => {
    client.subscribe(
      { query },
      {
        next: (result) => resolve([...(result.errors ?? [])]),
        error: (error) => resolve(Array.isArray(error) ? error : [error]),
        complete: () => resolve([]),
      },
    );
  }).finally(() => client.dispose());
}

async function health(url: string): Promise<number> {
  return (await fetch(`${url}/health`)).status;
}

describe(`cost limits hold against hostile documents (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      config: { GRAPHQL_MAX_TOKENS: '300', GRAPHQL_MAX_DOCUMENT_BYTES: '2000' },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses nested fragment spreads over HTTP at once, and /health keeps answering', async () => {
    const hostile = nestedFragments(26);
    expect(hostile.length).toBeLessThan(1500);
    const pending = api.graphql(hostile);
    const during = health(api.url);
    const response = await pending;
    expect(response.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'complexity',
    });
    expect(response.errors?.[0]?.message).toContain(String(2 ** 27));
    expect(await during).toBe(200);
    expect(await health(api.url)).toBe(200);
  });

  it('refuses them over an unauthenticated websocket too', async () => {
    const errors = overWebsocket(api.url, nestedFragments(26));
    const during = health(api.url);
    expect(JSON.stringify(await errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(await during).toBe(200);
    expect(await health(api.url)).toBe(200);
  });

  it('caps the token count and the byte size of a document, on both paths', async () => {
    const manyTokens = `{ ${'x '.repeat(400)}}`;
    const http = await api.graphql(manyTokens);
    expect(http.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(http.errors?.[0]?.message).toMatch(/token/i);
    expect(JSON.stringify(await overWebsocket(api.url, manyTokens))).toMatch(/token/i);

    const large = `{ __typename } # ${'x'.repeat(3000)}`;
    expect((await api.graphql(large)).errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'bytes',
    });
    expect(JSON.stringify(await overWebsocket(api.url, large))).toContain('bytes');
    // Within the caps, the same shape runs.
    expect((await api.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
