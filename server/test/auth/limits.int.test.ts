import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/infra/clock';
import {
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
} from '../kit';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

/** A clock the test moves by hand. */
function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

describe(`lockout (${TEST_MODE})`, () => {
  const clock = manualClock();
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('locks the account for 15 minutes after 5 failures in a row, says nothing different, and tells the owner', async () => {
    const user = await signUp(api);
    for (let i = 0; i < 5; i++)
      expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: `wrong ${i}` }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    const locked = await api.graphql(LOGIN, { e: user.email, p: user.password });
    expect(locked.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    expect((await api.mail.next(user.email)).subject).toMatch(/locked/);

    clock.advance(14 * 60_000);
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    clock.advance(61_000);
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toEqual([]);

    const admin = await signUp(api, { role: 'admin' });
    const log = await api.graphql<{
      auditLog: { edges: Array<{ node: { event: string; details: Record<string, unknown> } }> };
    }>(
      'query($f: AuditLogFilter) { auditLog(first: 50, filter: $f) { edges { node { event details } } } }',
      { f: { userId: user.userId } },
      bearer(admin.accessToken),
    );
    const events = log.data?.auditLog.edges.map((e) => e.node.event) ?? [];
    expect(events).toContain('account.locked');
    expect(events.filter((e) => e === 'login.failed').length).toBe(7);
    expect(JSON.stringify(log)).not.toContain(user.password);
  });

  it('a success resets the count of failures', async () => {
    const user = await signUp(api);
    for (let i = 0; i < 4; i++) await api.graphql(LOGIN, { e: user.email, p: `wrong ${i}` });
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toEqual([]);
    for (let i = 0; i < 4; i++) await api.graphql(LOGIN, { e: user.email, p: `wrong ${i}` });
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toEqual([]);
  });
});

describe(`rate limits (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      config: {
        RATE_LIMIT_LOGIN: '3/15m',
        RATE_LIMIT_REGISTER: '2/1h',
        RATE_LIMIT_PASSWORD_RESET: '1/30m',
        RATE_LIMIT_API_STANDARD: '3/1m',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const expectLimited = (response: GraphQLResponse<unknown>, maxSeconds: number) => {
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    const retryAfter = Number(response.errors?.[0]?.extensions?.retryAfter);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  };

  it('limits registrations per IP', async () => {
    await signUp(api);
    await signUp(api);
    const third = await api.graphql(
      'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
      {
        i: {
          email: 'third@example.com',
          password: STRONG_PASSWORD,
          name: 'T',
          currency: 'EUR',
          country: 'DE',
          timeZone: 'UTC',
          locale: 'en',
        },
      },
    );
    expectLimited(third, 3600);
  });

  it('limits sign-in attempts per IP and account, and password reset requests', async () => {
    for (let i = 0; i < 3; i++)
      await api.graphql(LOGIN, { e: 'victim@example.com', p: `guess ${i}` });
    expectLimited(await api.graphql(LOGIN, { e: 'victim@example.com', p: 'guess 4' }), 900);
    const reset = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
    expect(errorCodes(await api.graphql(reset, { e: 'someone@example.com' }))).toEqual([]);
    expectLimited(await api.graphql(reset, { e: 'someone@example.com' }), 1800);
  });

  it('limits requests per user', async () => {
    const fresh = await startTestApi({ config: { RATE_LIMIT_API_STANDARD: '3/1m' } });
    try {
      const user = await signUp(fresh);
      for (let i = 0; i < 3; i++)
        expect(
          errorCodes(await fresh.graphql('{ me { id } }', {}, bearer(user.accessToken))),
        ).toEqual([]);
      expectLimited(await fresh.graphql('{ me { id } }', {}, bearer(user.accessToken)), 60);
    } finally {
      await fresh.stop();
    }
  });
});
