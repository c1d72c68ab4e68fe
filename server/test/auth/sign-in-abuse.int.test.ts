import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../src/features/accounts';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const RESET_REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const from = (ip: string) => ({ 'x-forwarded-for': ip });

// "é" as one code point (NFC) and as "e" + combining acute accent (NFD).
const COMPOSED = 'caf\u00e9 au lait, bien s\u00fbr 42';
const DECOMPOSED = COMPOSED.normalize('NFD');

describe(`abuse-resistant sign-in (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ config: { RATE_LIMIT_PASSWORD_RESET: '3/30m' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('compares passwords in NFC: é typed either way signs in', async () => {
    expect(COMPOSED).not.toBe(DECOMPOSED);
    const user = await signUp(api, { password: DECOMPOSED });
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: COMPOSED }))).toEqual([]);
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: DECOMPOSED }))).toEqual([]);
  });

  it('accepts a hash stored from a non-NFC password once more and rehashes it in NFC', async () => {
    const hasher = new PasswordHasher({ memoryKib: 1024 });
    const { hash } = await import('@node-rs/argon2');
    const legacy = await hash(DECOMPOSED);
    expect(await hasher.check(legacy, DECOMPOSED)).toBe('rehash');
    expect(await hasher.check(legacy, COMPOSED)).toBe('wrong');
    expect(await hasher.check(await hasher.hash(DECOMPOSED), COMPOSED)).toBe('ok');
    // ASCII passwords are unchanged by NFC, so their stored hashes verify as before.
    expect(await hasher.check(await hash('plain ascii words 42'), 'plain ascii words 42')).toBe(
      'ok',
    );
  });

  it('a stranger asking for resets cannot block the owner’s reset, nor spend the owner’s link', async () => {
    const owner = await signUp(api);
    expect(
      errorCodes(await api.graphql(RESET_REQUEST, { e: owner.email }, from('10.0.0.1'))),
    ).toEqual([]);
    const mail = await api.mail.next(owner.email);
    const token = /#token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    for (let i = 0; i < 3; i++)
      await api.graphql(RESET_REQUEST, { e: owner.email }, from('203.0.113.9'));
    // The stranger's own address is limited …
    expect(
      errorCodes(await api.graphql(RESET_REQUEST, { e: owner.email }, from('203.0.113.9'))),
    ).toEqual(['RATE_LIMITED']);
    // … the owner's request from elsewhere still answers normally (extra mails are only suppressed) …
    expect(
      errorCodes(await api.graphql(RESET_REQUEST, { e: owner.email }, from('10.0.0.1'))),
    ).toEqual([]);
    // … and the owner's link still works.
    expect(
      errorCodes(await api.graphql(RESET, { t: token, p: 'the owner chose this 77' })),
    ).toEqual([]);
  });
});

describe(`per-IP limits on anonymous mutations (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ config: { RATE_LIMIT_ANONYMOUS: '3/15m' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('one address spraying many e-mails is limited, another address is not', async () => {
    for (let i = 0; i < 3; i++)
      await api.graphql(
        LOGIN,
        { e: `spray${i}@example.com`, p: 'guess guess 1' },
        from('198.51.100.7'),
      );
    const limited = await api.graphql(
      LOGIN,
      { e: 'spray-last@example.com', p: 'guess guess 1' },
      from('198.51.100.7'),
    );
    expect(errorCodes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(
      errorCodes(
        await api.graphql(
          LOGIN,
          { e: 'spray0@example.com', p: 'guess guess 1' },
          from('198.51.100.8'),
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['startPasskeySignIn', 'mutation { startPasskeySignIn { challengeId } }', {}],
    [
      'refreshToken',
      'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }',
      { t: 'x' },
    ],
    ['resetPassword', RESET, { t: 'x', p: 'whatever it is 12345' }],
    ['requestPasswordReset', RESET_REQUEST, { e: 'a@example.com' }],
  ])('%s is limited per IP', async (name, query, variables) => {
    const ip = `192.0.2.${name.length}`;
    for (let i = 0; i < 3; i++) await api.graphql(query, variables, from(ip));
    expect(errorCodes(await api.graphql(query, variables, from(ip)))).toEqual(['RATE_LIMITED']);
  });
});

describe(`wrong passwords from one address (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ config: { RATE_LIMIT_LOGIN_FAILURES: '4/15m' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('are limited across e-mails, known or not; the owner at another address is not', async () => {
    const owner = await signUp(api);
    for (const e of ['one@example.com', owner.email, 'three@example.com', owner.email])
      expect(
        errorCodes(await api.graphql(LOGIN, { e, p: 'a wrong guess 1' }, from('203.0.113.9'))),
      ).toEqual(['UNAUTHENTICATED']);
    const limited = await api.graphql(
      LOGIN,
      { e: 'five@example.com', p: 'a wrong guess 1' },
      from('203.0.113.9'),
    );
    expect(errorCodes(limited)).toEqual(['RATE_LIMITED']);
    expect(Number(limited.errors?.[0]?.extensions?.retryAfter)).toBeGreaterThan(0);
    expect(
      errorCodes(
        await api.graphql(LOGIN, { e: owner.email, p: owner.password }, from('203.0.113.10')),
      ),
    ).toEqual([]);
  });
});
