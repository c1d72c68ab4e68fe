import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { subscribe } from '../subscriptions';

const webDir = mkdtempSync(path.join(tmpdir(), 'pace-web-'));
mkdirSync(path.join(webDir, '_next/static/chunks'), { recursive: true });
writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><title>Pace</title><main>Pace shell</main>',
);
writeFileSync(path.join(webDir, '404.html'), '<!doctype html><title>Not found</title>');
writeFileSync(path.join(webDir, 'sw.js'), 'self.addEventListener("install", () => {});');
writeFileSync(
  path.join(webDir, '_next/static/chunks/app-abc123.js'),
  'console.log("pace");'.repeat(200),
);

describe(`API node (${TEST_MODE})`, () => {
  let api: TestApi;
  let admin: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi({ config: { PACE_WEB_DIR: webDir } });
    admin = bearer((await signUp(api, { role: 'admin' })).accessToken);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers health checks for itself, the database and redis', async () => {
    const health = await (await fetch(`${api.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', mode: api.container.mode });
    const db = await (await fetch(`${api.url}/health/db`)).json();
    expect(db).toMatchObject({
      status: 'ok',
      kind: TEST_MODE === 'distributed' ? 'postgres' : 'pglite',
    });
    const redis = await (await fetch(`${api.url}/health/redis`)).json();
    expect(redis.status).toBe(TEST_MODE === 'distributed' ? 'ok' : 'embedded');
  });

  it('answers { __typename }', async () => {
    expect(await api.graphql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a system check through the job queue and announces it live', async () => {
    const live = await subscribe<{ systemCheckCompleted: { id: string; deliveries: number } }>(
      api.url,
      'subscription { systemCheckCompleted { id status deliveries } }',
      { connectionParams: admin },
    );
    try {
      const started = await api.graphql<{ runSystemCheck: { id: string; status: string } }>(
        'mutation Check { runSystemCheck { id status } }',
        {},
        admin,
      );
      const id = started.data?.runSystemCheck.id;
      expect(started.data?.runSystemCheck.status).toBe('PENDING');
      const event = await live.next();
      expect(event.systemCheckCompleted).toEqual({ id, status: 'COMPLETED', deliveries: 1 });
    } finally {
      await live.close();
    }
  });

  it('exposes Prometheus metrics for HTTP, GraphQL operations, errors and subscriptions', async () => {
    await api.graphql(
      'query Missing { systemCheck(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      admin,
    );
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toContain('pace_http_requests_total{method="GET",route="/health",status="2xx"}');
    expect(text).toMatch(
      /pace_graphql_operations_total\{operation="Check",type="mutation",outcome="success"\} \d/,
    );
    expect(text).toMatch(
      /pace_graphql_operation_duration_seconds_bucket\{le="[\d.]+",operation="Check",type="mutation"\}/,
    );
    expect(text).toMatch(/pace_graphql_errors_total\{operation="Missing",code="NOT_FOUND"\} 1/);
    expect(text).toContain('pace_subscriptions_open');
    expect(text).toMatch(/pace_queue_jobs\{queue="system",state="waiting"\} \d/);
    if (TEST_MODE === 'embedded') {
      expect(text).toMatch(
        /pace_jobs_total\{queue="system",name="system.processCheck",outcome="completed"\} 1/,
      );
    }
  });

  it('gives typed errors and never a stack trace', async () => {
    const missing = await api.graphql(
      '{ systemCheck(id: "00000000-0000-4000-8000-000000000000") { id } }',
      {},
      admin,
    );
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const notUuid = await api.graphql('{ systemCheck(id: "abc") { id } }', {}, admin);
    expect(errorCodes(notUuid)).toEqual(['NOT_FOUND']);
    const invalid = await api.graphql('{ nope }');
    expect(errorCodes(invalid)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify([missing, notUuid, invalid])).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('takes a signed-in request as large as a bank file at the import limit, refuses larger ones with a typed error, and marks answers no-store', async () => {
    const { accessToken } = await signUp(api);
    const post = (padding: number, token?: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(padding) } }),
      });
    const fileSized = await post(5 * 1024 * 1024, accessToken);
    expect(fileSized.status).toBe(200);
    expect(fileSized.headers.get('cache-control')).toBe('no-store');
    const tooLarge = await post(9 * 1024 * 1024, accessToken);
    expect(tooLarge.status).toBe(413);
    expect(errorCodes((await tooLarge.json()) as never)).toEqual(['PAYLOAD_TOO_LARGE']);
    // Without a valid token the limit stays at 1 MB, so nobody unknown makes the server parse more.
    for (const token of [undefined, 'not-a-token']) {
      const anonymous = await post(2 * 1024 * 1024, token);
      expect(anonymous.status).toBe(413);
      expect(errorCodes((await anonymous.json()) as never)).toEqual(['PAYLOAD_TOO_LARGE']);
    }
    const broken = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(errorCodes((await broken.json()) as never)).toEqual(['BAD_REQUEST']);
  });

  it('serves the explorer with every asset from Pace itself', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('Pace API explorer');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });

  it('serves the PWA with the right caching headers, compressed', async () => {
    const index = await fetch(`${api.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Pace shell');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await fetch(`${api.url}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${api.url}/_next/static/chunks/app-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const missing = await fetch(`${api.url}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<title>Not found</title>');
    // A HEAD gets the same page's headers (a link checker), not the bare API 404.
    const head = await fetch(`${api.url}/no-such-page/`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-type')).toMatch(/^text\/html/);
    expect(head.headers.get('cache-control')).toBe('no-cache');
  });
});
