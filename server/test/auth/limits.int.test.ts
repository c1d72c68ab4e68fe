import { count, eq } from 'drizzle-orm';
import { knownDevices } from '../../src/features/accounts/user.table';
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

describe(`sign-in slowing (${TEST_MODE})`, () => {
  const clock = manualClock();
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const LOGIN_ON_DEVICE =
    'mutation($e: String!, $p: String!, $d: String) { login(email: $e, password: $p, deviceToken: $d) { accessToken deviceToken } }';
  const retryAfterOf = (response: GraphQLResponse<unknown>) => {
    expect(errorCodes(response)).toEqual(['RATE_LIMITED']);
    return Number(response.errors?.[0]?.extensions?.retryAfter);
  };

  it('a stranger’s wrong passwords slow new devices more and more, never the owner’s known device, and the owner is told', async () => {
    const user = await signUp(api);
    const ownDevice = await api.graphql<{ login: { deviceToken: string } }>(LOGIN_ON_DEVICE, {
      e: user.email,
      p: user.password,
    });
    const deviceToken = ownDevice.data?.login.deviceToken ?? '';
    expect(deviceToken.length).toBeGreaterThan(20);

    // Four free tries, then each wrong password makes new devices wait twice as long.
    for (let i = 0; i < 5; i++)
      expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: `wrong ${i}` }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    expect(retryAfterOf(await api.graphql(LOGIN, { e: user.email, p: 'wrong again' }))).toBe(1);
    // Tries during a wait do not count: hammering does not push the wait further.
    for (let i = 0; i < 20; i++) await api.graphql(LOGIN, { e: user.email, p: `hammer ${i}` });
    expect(retryAfterOf(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toBe(1);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(waits.at(-1) === undefined ? 1_000 : (waits.at(-1) ?? 0) * 1000);
      expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: `later ${i}` }))).toEqual([
        'UNAUTHENTICATED',
      ]);
      waits.push(retryAfterOf(await api.graphql(LOGIN, { e: user.email, p: user.password })));
    }
    expect(waits).toEqual([2, 4, 8, 16]);

    // The owner's device signs in at once, with the right password only.
    expect(
      errorCodes(await api.graphql(LOGIN_ON_DEVICE, { e: user.email, p: 'wrong', d: deviceToken })),
    ).toEqual(['UNAUTHENTICATED']);
    const owner = await api.graphql<{ login: { deviceToken: string } }>(LOGIN_ON_DEVICE, {
      e: user.email,
      p: user.password,
      d: deviceToken,
    });
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.deviceToken).toBe(deviceToken);
    // Another person's device proof is no proof for this account.
    const other = await signUp(api);
    const otherDevice = await api.graphql<{ login: { deviceToken: string } }>(LOGIN_ON_DEVICE, {
      e: other.email,
      p: other.password,
    });
    for (let i = 0; i < 5; i++) await api.graphql(LOGIN, { e: user.email, p: `again ${i}` });
    expect(
      retryAfterOf(
        await api.graphql(LOGIN_ON_DEVICE, {
          e: user.email,
          p: user.password,
          d: otherDevice.data?.login.deviceToken,
        }),
      ),
    ).toBe(1);
    // After the wait, a new device with the right password signs in.
    clock.advance(1_000);
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toEqual([]);

    expect((await api.mail.next(user.email)).subject).toMatch(/slowed/);
    const admin = await signUp(api, { role: 'admin' });
    const log = await api.graphql<{
      auditLog: { edges: Array<{ node: { event: string; details: Record<string, unknown> } }> };
    }>(
      'query($f: AuditLogFilter) { auditLog(first: 100, filter: $f) { edges { node { event details } } } }',
      { f: { userId: user.userId } },
      bearer(admin.accessToken),
    );
    const events = log.data?.auditLog.edges.map((e) => e.node.event) ?? [];
    expect(events.filter((e) => e === 'account.sign_in_slowed')).toHaveLength(2);
    expect(events).toContain('login.delayed');
    expect(JSON.stringify(log)).not.toContain(user.password);
  });

  it('tells a German owner in German that sign-in was slowed', async () => {
    const user = await signUp(api, { locale: 'de-DE' });
    for (let i = 0; i < 5; i++) await api.graphql(LOGIN, { e: user.email, p: `falsch ${i}` });
    const mail = await api.mail.next(user.email);
    expect(mail.subject).toBe('Die Anmeldung bei deinem Pace-Konto wurde verlangsamt');
    expect(mail.text).toMatch(/5-mal hintereinander/);
    expect(mail.text).toMatch(/\/reset-password/);
  });

  it('remembers a person’s 20 most recent devices, the newest always', async () => {
    const user = await signUp(api);
    let newest = '';
    for (let i = 0; i < 24; i++) {
      const signedIn = await api.graphql<{ login: { deviceToken: string } }>(LOGIN_ON_DEVICE, {
        e: user.email,
        p: user.password,
      });
      newest = signedIn.data?.login.deviceToken ?? '';
    }
    const [counted] = await api.container.database.db
      .select({ n: count() })
      .from(knownDevices)
      .where(eq(knownDevices.userId, user.userId));
    expect(counted?.n).toBe(20);
    for (let i = 0; i < 5; i++) await api.graphql(LOGIN, { e: user.email, p: `wrong ${i}` });
    const known = await api.graphql(LOGIN_ON_DEVICE, {
      e: user.email,
      p: user.password,
      d: newest,
    });
    expect(known.errors).toBeUndefined();
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
    // These limits slide: a window's full count fades through the next one, so the wait can
    // exceed one window (never two).
    expect(retryAfter).toBeLessThanOrEqual(2 * maxSeconds);
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

  it('tells a caller its limit in RateLimit-* headers, and how long to wait in Retry-After when refused', async () => {
    const fresh = await startTestApi({
      config: {
        RATE_LIMIT_API_STANDARD: '3/1m',
        RATE_LIMIT_LOGIN: '3/15m',
        CORS_ORIGINS: 'https://app.pace.example',
      },
    });
    try {
      const user = await signUp(fresh);
      const ask = () =>
        fetch(`${fresh.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'https://app.pace.example',
            ...bearer(user.accessToken),
          },
          body: JSON.stringify({ query: '{ me { id } }' }),
        });
      const first = await ask();
      expect(first.status).toBe(200);
      expect(first.headers.get('ratelimit-limit')).toBe('3');
      expect(first.headers.get('ratelimit-remaining')).toBe('2');
      expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(first.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
      expect(first.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(first.headers.get('retry-after')).toBeNull();
      // A browser on an allowed origin may read them.
      const exposed = first.headers.get('access-control-expose-headers')?.toLowerCase() ?? '';
      for (const name of ['ratelimit-remaining', 'ratelimit-reset', 'retry-after'])
        expect(exposed).toContain(name);
      await ask();
      expect((await ask()).headers.get('ratelimit-remaining')).toBe('0');
      const refused = await ask();
      const body = (await refused.json()) as GraphQLResponse<unknown>;
      expect(errorCodes(body)).toEqual(['RATE_LIMITED']);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(retryAfter).toBe(Number(body.errors?.[0]?.extensions?.retryAfter));
      // Anonymous limits (here sign-in per address and account) say how long to wait too.
      const login = () =>
        fetch(`${fresh.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: LOGIN, variables: { e: 'nobody@example.com', p: 'x' } }),
        });
      let wait: string | null = null;
      for (let i = 0; i < 40 && wait === null; i++)
        wait = (await login()).headers.get('retry-after');
      expect(Number(wait)).toBeGreaterThan(0);
    } finally {
      await fresh.stop();
    }
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
