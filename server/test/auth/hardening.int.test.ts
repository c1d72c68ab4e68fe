import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';

describe(`GraphQL and HTTP hardening (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      config: {
        GRAPHQL_MAX_DEPTH: '3',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_COMPLEXITY: '20',
        CORS_ORIGINS: 'https://app.pace.example',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses documents that are too deep, too aliased or too large, before running them', async () => {
    // Within every limit: runs, and is refused for want of a token.
    expect(errorCodes(await api.graphql('{ auditLog { edges { cursor } } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const depth = await api.graphql('{ auditLog { edges { node { id } } } }');
    expect(depth.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
    });
    const viaFragment = await api.graphql(
      'fragment N on AuditEventEdge { node { id } } { auditLog { edges { ...N } } }',
    );
    expect(viaFragment.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
    });
    const aliases = await api.graphql('{ b: me { id } c: me { id } d: me { id } e: me { id } }');
    expect(aliases.errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'aliases',
    });
    const wide = `{ me { ${Array.from({ length: 20 }, () => 'id').join(' ')} } }`;
    expect((await api.graphql(wide)).errors?.[0]?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'complexity',
    });
  });

  it('refuses simple (non-JSON) requests without a preflight header: CSRF', async () => {
    const user = await signUp(api);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${user.accessToken}` },
      body: JSON.stringify({ query: 'mutation { logoutEverywhere }' }),
    });
    expect(response.status).toBe(400);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
  });

  it('allows only listed origins to call from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    expect(
      (await preflight('https://app.pace.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://app.pace.example');
    expect(
      (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('sends security headers', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a request body over 1 MB', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('turns introspection off when configured', async () => {
    const closed = await startTestApi({ config: { GRAPHQL_INTROSPECTION: 'false' } });
    try {
      expect(errorCodes(await closed.graphql('{ __schema { queryType { name } } }'))).toEqual([
        'GRAPHQL_VALIDATION_FAILED',
      ]);
    } finally {
      await closed.stop();
    }
  });
});
