import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/infra/logger';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';

/**
 * An error nobody foresaw (here: a column renamed under a running node) is answered as
 * INTERNAL_SERVER_ERROR with the request's id, the one in X-Request-Id, and logged once with that
 * id and without the failed statement's parameters.
 */
describe(`unexpected errors (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  const lines: string[] = [];

  beforeAll(async () => {
    const logger = createLogger({
      level: 'error',
      nodeId: 'unexpected-test',
      destination: { write: (line: string) => void lines.push(line) },
    });
    api = await startTestApi({ logger });
    user = await signUp(api);
  });
  afterAll(async () => {
    await api?.container.database.db.execute(
      sql`alter table transactions rename column description_gone to description`,
    );
    await api?.stop();
  });

  it('answers INTERNAL_SERVER_ERROR with the request id and logs it once without parameters', async () => {
    await api.container.database.db.execute(
      sql`alter table transactions rename column description to description_gone`,
    );
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(user.accessToken) },
      body: JSON.stringify({ query: '{ transactions(first: 5) { edges { cursor } } }' }),
    });
    expect(response.status).toBeLessThan(500);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
    expect(body.errors[0]?.message).toBe(
      `Something went wrong on our side. Reference: ${requestId}`,
    );
    expect(JSON.stringify(body)).not.toMatch(/description|select|params/i);

    const logged = lines.filter((line) => line.includes('unexpected error'));
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({ requestId, msg: 'unexpected error' });
    expect(logged[0]).not.toContain('params');
    expect(logged[0]).not.toContain(user.userId);
  });
});
