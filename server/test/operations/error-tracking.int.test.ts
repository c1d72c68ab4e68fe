import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubEvent, scrubText } from '../../src/infra/error-tracking';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';

describe('error reports carry no personal data', () => {
  it('scrubs e-mails, tokens and long numbers from messages, and drops user, request and breadcrumbs', () => {
    expect(scrubText('duplicate key (email)=(ann@example.com) for 12345678 eyJa.eyJb.sig')).toBe(
      'duplicate key (email)=([email]) for [number] [token]',
    );
    const event = scrubEvent({
      user: { id: 'u', email: 'ann@example.com' },
      request: { headers: { authorization: 'Bearer x' } },
      breadcrumbs: [{ message: 'select … ann@example.com' }],
      extra: { body: '…' },
      server_name: 'host-1',
      contexts: { runtime: { name: 'node' }, os: { name: 'Linux' } },
      exception: { values: [{ value: 'no user bob@example.org' }] },
    });
    expect(event).toEqual({
      contexts: { runtime: { name: 'node' } },
      exception: { values: [{ value: 'no user [email]' }] },
    });
  });
});

describe(`error tracking through Sentry's client (${TEST_MODE})`, () => {
  const envelopes: string[] = [];
  const ingest = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      envelopes.push(`${request.url ?? ''}\n${body}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  let api: TestApi;
  let quiet: TestApi;
  let user: TestUser;
  beforeAll(async () => {
    await new Promise<void>((resolve) => ingest.listen(0, '127.0.0.1', resolve));
    const port = (ingest.address() as AddressInfo).port;
    api = await startTestApi({ config: { SENTRY_DSN: `http://publickey@127.0.0.1:${port}/42` } });
    quiet = await startTestApi();
    user = await signUp(api);
  });
  afterAll(async () => {
    await api?.container.database.db.execute(
      sql`alter table transactions rename column description_gone to description`,
    );
    await api?.stop();
    await quiet?.stop();
    await new Promise<void>((resolve) => ingest.close(() => resolve()));
  });

  it('sends an unexpected error with its request id and nothing about the person; unset, nothing is sent', async () => {
    expect(quiet.container.errors.enabled).toBe(false);
    expect(api.container.errors.enabled).toBe(true);
    await api.container.database.db.execute(
      sql`alter table transactions rename column description to description_gone`,
    );
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(user.accessToken) },
      body: JSON.stringify({ query: '{ transactions(first: 5) { edges { cursor } } }' }),
    });
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(requestId).not.toBe('');
    await api.container.errors.flush(5_000);
    const sent = envelopes.join('\n');
    expect(envelopes.some((e) => e.startsWith('/api/42/envelope/'))).toBe(true);
    expect(sent).toContain(requestId);
    expect(sent).toContain('"where":"graphql"');
    expect(sent).not.toContain(user.email);
    expect(sent).not.toContain(user.userId);
    expect(sent).not.toContain(user.accessToken);
    expect(sent).not.toContain('"user"');
    expect(sent).not.toContain('"request"');
  });
});
