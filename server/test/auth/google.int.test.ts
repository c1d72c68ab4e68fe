import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, startTestApi, TEST_MODE, type TestApi } from '../kit';

const CLIENT_ID = 'pace-test.apps.googleusercontent.com';
const SIGN_IN =
  'mutation($i: GoogleSignInInput!) { signInWithGoogle(input: $i) { accessToken user { email hasPassword timeZone } } }';

describe(`Google sign-in against a local JWKS (${TEST_MODE})`, () => {
  let jwksServer: Server;
  let api: TestApi;
  let key: CryptoKey;
  let foreignKey: CryptoKey;

  beforeAll(async () => {
    ({ privateKey: key } = await generateKeyPair('RS256'));
    const pair = await generateKeyPair('RS256', { extractable: true });
    ({ privateKey: foreignKey } = await generateKeyPair('RS256'));
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    key = pair.privateKey;
    jwksServer = createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    api = await startTestApi({
      config: { GOOGLE_CLIENT_ID: CLIENT_ID, GOOGLE_JWKS_URL: `http://127.0.0.1:${port}/certs` },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  const idToken = (
    claims: Record<string, unknown>,
    options: { signer?: CryptoKey; audience?: string; issuer?: string; expiresIn?: string } = {},
  ) =>
    new SignJWT({ email: 'gina@example.com', email_verified: true, name: 'Gina', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('google-sub-1')
      .setIssuer(options.issuer ?? 'https://accounts.google.com')
      .setAudience(options.audience ?? CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.signer ?? key);

  it('creates the account on first sign-in, then signs the same account in', async () => {
    const first = await api.graphql<{
      signInWithGoogle: {
        accessToken: string;
        user: { email: string; hasPassword: boolean; timeZone: string };
      };
    }>(SIGN_IN, {
      i: { idToken: await idToken({}), timeZone: 'Europe/Madrid' },
    });
    expect(first.data?.signInWithGoogle.user).toEqual({
      email: 'gina@example.com',
      hasPassword: false,
      timeZone: 'Europe/Madrid',
    });
    const again = await api.graphql<{ signInWithGoogle: { accessToken: string } }>(SIGN_IN, {
      i: { idToken: await idToken({}) },
    });
    const me = await api.graphql<{ me: { email: string } }>(
      '{ me { email } }',
      {},
      bearer(again.data?.signInWithGoogle.accessToken ?? ''),
    );
    expect(me.data?.me.email).toBe('gina@example.com');
  });

  it.each([
    ['a foreign signature', () => idToken({}, { signer: foreignKey })],
    ['another audience', () => idToken({}, { audience: 'someone-else' })],
    ['another issuer', () => idToken({}, { issuer: 'https://evil.example.com' })],
    ['an expired token', () => idToken({}, { expiresIn: '-1m' })],
    ['an unverified e-mail', () => idToken({ email_verified: false })],
  ])('refuses %s', async (_case, make) => {
    const response = await api.graphql(SIGN_IN, { i: { idToken: await make() } });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.extensions?.reason).toBe('GOOGLE_TOKEN_INVALID');
  });
});
