import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// The UMD bundle of @simplewebauthn/browser (global `SimpleWebAuthnBrowser`), found beside its entry.
const require = createRequire(import.meta.url);
const browserBundle = path.join(
  path.dirname(require.resolve('@simplewebauthn/browser')),
  '../dist/bundle/index.umd.min.js',
);

// Until the PWA has its passkey screens, a minimal page on the server's origin drives the API.
const TEST_PAGE =
  '<!doctype html><html><head><title>Passkey test</title></head><body><main>Passkeys</main></body></html>';

declare global {
  interface Window {
    SimpleWebAuthnBrowser: {
      startRegistration(options: { optionsJSON: unknown }): Promise<unknown>;
      startAuthentication(options: { optionsJSON: unknown }): Promise<unknown>;
    };
  }
}

test('registers a passkey and signs in with it in a virtual authenticator', async ({ page }) => {
  await page.route('**/passkey-test.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: TEST_PAGE }),
  );
  await page.goto('/passkey-test.html');
  await page.addScriptTag({ path: browserBundle });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  const email = `passkey-${Date.now()}@example.com`;
  const outcome = await page.evaluate(async (email) => {
    type Challenge = { challengeId: string; optionsJson: string };
    type Session = { accessToken: string; user: { email: string } };
    const gql = async <T>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
    ): Promise<T> => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const { register } = await gql<{ register: { accessToken: string } }>(
      'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
      {
        i: {
          email,
          password: 'correct horse battery staple 42',
          name: 'Pat Key',
          currency: 'EUR',
          country: 'DE',
          timeZone: 'UTC',
          locale: 'en',
        },
      },
    );
    const token = register.accessToken;

    const {
      beginPasskeyRegistration: { challenge: reg },
    } = await gql<{ beginPasskeyRegistration: { challenge: Challenge } }>(
      'mutation { beginPasskeyRegistration { challenge { challengeId optionsJson } } }',
      {},
      token,
    );
    const attestation = await window.SimpleWebAuthnBrowser.startRegistration({
      optionsJSON: JSON.parse(reg.optionsJson),
    });
    const {
      completePasskeyRegistration: { passkey },
    } = await gql<{
      completePasskeyRegistration: { passkey: { id: string; name: string } };
    }>(
      'mutation($c: ID!, $r: String!) { completePasskeyRegistration(challengeId: $c, responseJson: $r, name: "Virtual key") { passkey { id name } } }',
      { c: reg.challengeId, r: JSON.stringify(attestation) },
      token,
    );

    // Someone typing wrong passwords slows password sign-in from new devices, never passkeys.
    // Four wrong passwords are free; from the fifth a new device waits 1 s, then 2 s, 4 s, 8 s. A
    // busy machine can take longer than the first second between two tries, so the tries go on
    // (at most four waits, under the 10-per-15-minutes limit) until one is told to wait.
    const passwordCodes: string[] = [];
    for (let i = 0; i < 9 && !passwordCodes.includes('RATE_LIMITED'); i++) {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
          variables: { e: email, p: `not the password ${i}` },
        }),
      });
      const body = (await response.json()) as {
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      passwordCodes.push(String(body.errors?.[0]?.extensions?.code));
    }

    const {
      beginPasskeySignIn: { challenge: auth },
    } = await gql<{ beginPasskeySignIn: { challenge: Challenge } }>(
      'mutation { beginPasskeySignIn { challenge { challengeId optionsJson } } }',
    );
    const assertion = await window.SimpleWebAuthnBrowser.startAuthentication({
      optionsJSON: JSON.parse(auth.optionsJson),
    });
    const { finishPasskeySignIn: session } = await gql<{ finishPasskeySignIn: Session }>(
      'mutation($c: ID!, $r: String!) { finishPasskeySignIn(challengeId: $c, responseJson: $r) { accessToken user { email } } }',
      { c: auth.challengeId, r: JSON.stringify(assertion) },
    );
    const { passkeys } = await gql<{ passkeys: unknown[] }>(
      '{ passkeys { id name lastUsedAt } }',
      {},
      session.accessToken,
    );
    return { passkey, signedInAs: session.user.email, passkeys, passwordCodes };
  }, email);

  expect(outcome.passwordCodes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
  expect(outcome.passwordCodes.at(-1)).toBe('RATE_LIMITED');
  expect(outcome.passkey.name).toBe('Virtual key');
  expect(outcome.signedInAs).toBe(email);
  expect(outcome.passkeys).toEqual([
    { id: outcome.passkey.id, name: 'Virtual key', lastUsedAt: expect.any(String) },
  ]);
});
