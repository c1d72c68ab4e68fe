import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock';
import {
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
} from '../kit';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const WINDOW_MS = 60_000;

/** A clock the test moves by hand, starting `beforeBoundaryMs` before a minute begins. */
function clockBeforeBoundary(beforeBoundaryMs: number): Clock & { advance(ms: number): void } {
  let now = Math.ceil((Date.now() + 5 * WINDOW_MS) / WINDOW_MS) * WINDOW_MS - beforeBoundaryMs;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

function ask(api: TestApi, options: { ip?: string; token?: string } = {}) {
  return fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: '{ signInOptions { passkeys } }' }),
  });
}

async function expectRefused(response: Response, limit: number) {
  expect(response.status).toBe(429);
  const body = (await response.json()) as GraphQLResponse<unknown>;
  expect(errorCodes(body)).toEqual(['RATE_LIMITED']);
  expect(body.errors?.[0]?.extensions?.reason).toBe('RATE_LIMITED');
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBe(body.errors?.[0]?.extensions?.retryAfter);
  expect(response.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(response.headers.get('ratelimit-remaining')).toBe('0');
  expect(response.headers.get('ratelimit-policy')).toBe(`${limit};w=60`);
  expect(Number(response.headers.get('ratelimit-reset'))).toBe(retryAfter);
  return retryAfter;
}

describe(`per-IP limit on anonymous requests (${TEST_MODE})`, () => {
  // 4 s before a minute starts: a burst here and one just after the boundary would both fit
  // fixed windows.
  const clock = clockBeforeBoundary(4_000);
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      clock,
      config: { RATE_LIMIT_ANONYMOUS_REQUESTS: '5/1m', RATE_LIMIT_LOGIN: '3/15m' },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses a burst from one IP with 429 and headers, lets another IP and signed-in requests through, and slides', async () => {
    // Made from an address of its own, before the burst (signing up is anonymous too).
    const user = await signUp(api, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    for (let i = 0; i < 5; i++) expect((await ask(api, { ip: '203.0.113.1' })).status).toBe(200);
    await expectRefused(await ask(api, { ip: '203.0.113.1' }), 5);
    // A plain HTTP endpoint without a valid token spends from the same budget.
    const image = await fetch(`${api.url}/api/receipts/none/image`, {
      headers: { 'x-forwarded-for': '203.0.113.1', authorization: 'Bearer not-a-token' },
    });
    await expectRefused(image, 5);

    // Another address is not affected; the same address with a token is not counted at all.
    expect((await ask(api, { ip: '203.0.113.2' })).status).toBe(200);
    for (let i = 0; i < 8; i++)
      expect((await ask(api, { ip: '203.0.113.1', token: user.accessToken })).status).toBe(200);

    // Past the fixed-window boundary the burst still weighs almost fully: no second burst.
    clock.advance(5_000);
    const retryAfter = await expectRefused(await ask(api, { ip: '203.0.113.1' }), 5);
    // Refused requests are not counted: hammering does not lengthen the wait.
    for (let i = 0; i < 5; i++) await ask(api, { ip: '203.0.113.1' });
    expect(Number((await ask(api, { ip: '203.0.113.1' })).headers.get('retry-after'))).toBe(
      retryAfter,
    );
    clock.advance(retryAfter * 1000);
    expect((await ask(api, { ip: '203.0.113.1' })).status).toBe(200);
  });

  it('slides the sign-in limit too: attempts across a window boundary cannot double it', async () => {
    clock.advance(15 * 60_000 - (clock.now().getTime() % (15 * 60_000)) - 2_000);
    const ip = { 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 3; i++)
      expect(
        errorCodes(await api.graphql(LOGIN, { e: 'target@example.com', p: `guess ${i}` }, ip)),
      ).toEqual(['UNAUTHENTICATED']);
    clock.advance(4_000);
    expect(
      errorCodes(await api.graphql(LOGIN, { e: 'target@example.com', p: 'guess 4' }, ip)),
    ).toEqual(['RATE_LIMITED']);
  });
});

describe(`anonymous requests and TRUST_PROXY (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      config: { RATE_LIMIT_ANONYMOUS_REQUESTS: '3/1m', TRUST_PROXY: 'false' },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('ignores X-Forwarded-For from a proxy that is not trusted: changing it does not escape the limit', async () => {
    for (let i = 0; i < 3; i++)
      expect((await ask(api, { ip: `203.0.113.${10 + i}` })).status).toBe(200);
    await expectRefused(await ask(api, { ip: '203.0.113.99' }), 3);
  });
});
