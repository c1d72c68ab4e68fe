import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../src/features/accounts';
import {
  bearer,
  errorCodes,
  isDistributed,
  signUp,
  startSecondNode,
  startTestApi,
  STRONG_PASSWORD,
  TEST_MODE,
  type TestApi,
} from '../kit';

const ME = 'query { me { id email name timeZone } }';
const REFRESH =
  'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }';
type Pair = { accessToken: string; refreshToken: string };

describe(`sessions and tokens (${TEST_MODE})`, () => {
  let api: TestApi;
  /** Where revocations are checked: a second API node in the distributed mode, the same node otherwise. */
  let other: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    other = isDistributed ? await startSecondNode(api) : api;
  });
  afterAll(async () => {
    if (other !== api) await other?.stop();
    await api?.stop();
  });

  const meOn = async (node: TestApi, token: string) =>
    errorCodes(await node.graphql(ME, {}, bearer(token)));

  it('registers, reads and updates the profile, e-mail lower-cased', async () => {
    const user = await signUp(api, { email: `Mixed.${Date.now()}@Example.com` });
    const me = await api.graphql<{ me: { email: string } }>(ME, {}, bearer(user.accessToken));
    expect(me.data?.me.email).toBe(user.email.toLowerCase());
    const updated = await api.graphql<{ updateProfile: { name: string; timeZone: string } }>(
      'mutation { updateProfile(input: { name: "Ana", timeZone: "America/Lima" }) { name timeZone } }',
      {},
      bearer(user.accessToken),
    );
    expect(updated.data?.updateProfile).toEqual({ name: 'Ana', timeZone: 'America/Lima' });
    const bad = await api.graphql(
      'mutation { updateProfile(input: { timeZone: "Mars/Base" }) { name } }',
      {},
      bearer(user.accessToken),
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a guessable password with a helpful message', async () => {
    const weak = await api.graphql<unknown>(
      'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
      {
        i: {
          email: 'weak@example.com',
          password: 'password123',
          name: 'W',
          currency: 'EUR',
          country: 'DE',
          timeZone: 'UTC',
          locale: 'en',
        },
      },
    );
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.errors?.[0]?.extensions?.reason).toBe('WEAK_PASSWORD');
    expect(weak.errors?.[0]?.message).toMatch(/too easy to guess/);
  });

  it('answers an unknown e-mail and a wrong password the same way', async () => {
    const user = await signUp(api);
    const unknown = await api.graphql(LOGIN, { e: 'nobody@example.com', p: STRONG_PASSWORD });
    const wrong = await api.graphql(LOGIN, { e: user.email, p: 'not the password at all' });
    expect(unknown.errors).toEqual(wrong.errors);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
  });

  it('rotates refresh tokens; reusing a rotated one ends the whole family at once', async () => {
    const user = await signUp(api);
    const first = await api.graphql<{ refreshToken: Pair }>(REFRESH, { t: user.refreshToken });
    const rotated = first.data?.refreshToken as Pair;
    expect(rotated.refreshToken).not.toBe(user.refreshToken);
    expect(await meOn(other, rotated.accessToken)).toEqual([]);

    const reuse = await api.graphql(REFRESH, { t: user.refreshToken });
    expect(reuse.errors?.[0]?.extensions?.reason).toBe('REFRESH_TOKEN_REUSED');
    expect(await meOn(other, rotated.accessToken)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await other.graphql(REFRESH, { t: rotated.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('logout revokes the access and refresh token of that session only, on every node', async () => {
    const user = await signUp(api);
    const second = (await api.graphql<{ login: Pair }>(LOGIN, { e: user.email, p: user.password }))
      .data?.login as Pair;
    expect(
      errorCodes(await api.graphql('mutation { logout }', {}, bearer(user.accessToken))),
    ).toEqual([]);
    expect(await meOn(other, user.accessToken)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await other.graphql(REFRESH, { t: user.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await meOn(other, second.accessToken)).toEqual([]);
  });

  it('logoutEverywhere revokes every session at once, on every node', async () => {
    const user = await signUp(api);
    const second = (await api.graphql<{ login: Pair }>(LOGIN, { e: user.email, p: user.password }))
      .data?.login as Pair;
    await api.graphql('mutation { logoutEverywhere }', {}, bearer(second.accessToken));
    for (const token of [user.accessToken, second.accessToken])
      expect(await meOn(other, token)).toEqual(['UNAUTHENTICATED']);
    for (const token of [user.refreshToken, second.refreshToken])
      expect(errorCodes(await other.graphql(REFRESH, { t: token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('a password change revokes every token (sessions and personal access tokens) and signs this device in again', async () => {
    const user = await signUp(api);
    const pat = await createPat(api, user.accessToken, ['read:profile']);
    const changed = await api.graphql<{ changePassword: Pair }>(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken refreshToken } }',
      { c: user.password, n: 'a brand new passphrase for pace' },
      bearer(user.accessToken),
    );
    const fresh = changed.data?.changePassword as Pair;
    expect(await meOn(other, user.accessToken)).toEqual(['UNAUTHENTICATED']);
    expect(await meOn(other, pat)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await other.graphql(REFRESH, { t: user.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await meOn(other, fresh.accessToken)).toEqual([]);
    expect(errorCodes(await api.graphql(LOGIN, { e: user.email, p: user.password }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  // Acceptance 5: a token holding only a read scope can read but not write. Add a row per feature.
  it.each([
    ['read:profile', ME, 'mutation { updateProfile(input: { name: "Nope" }) { id } }'],
    [
      'read:transactions',
      'query { transactions(first: 5) { edges { node { id } } } }',
      'mutation { createTransaction(input: { amount: "1.00", categoryId: "groceries" }) { conflict } }',
    ],
  ])('a personal access token with only %s can read but not write', async (scope, read, write) => {
    const user = await signUp(api);
    const pat = await createPat(api, user.accessToken, [scope]);
    expect(errorCodes(await other.graphql(read, {}, bearer(pat)))).toEqual([]);
    expect(errorCodes(await other.graphql(write, {}, bearer(pat)))).toEqual(['FORBIDDEN']);
  });

  it('exports all of a person only with export:data (sessions have it), never with read:profile', async () => {
    const EXPORT_ALL = 'mutation { exportMyData { rowCounts } }';
    const user = await signUp(api);
    const profileOnly = await createPat(api, user.accessToken, ['read:profile']);
    expect(errorCodes(await other.graphql(EXPORT_ALL, {}, bearer(profileOnly)))).toEqual([
      'FORBIDDEN',
    ]);
    const exporter = await createPat(api, user.accessToken, ['export:data']);
    expect(errorCodes(await other.graphql(EXPORT_ALL, {}, bearer(exporter)))).toEqual([]);
    expect(errorCodes(await other.graphql(EXPORT_ALL, {}, bearer(user.accessToken)))).toEqual([]);
  });

  it('lists personal access tokens with their last use, never the token; revoking one stops it at once', async () => {
    const user = await signUp(api);
    const pat = await createPat(api, user.accessToken, ['read:profile']);
    await api.graphql(ME, {}, bearer(pat));
    const list = await api.graphql<{
      personalAccessTokens: Array<{ id: string; lastUsedAt: string | null; prefix: string }>;
    }>(
      'query { personalAccessTokens { id prefix lastUsedAt scopes } }',
      {},
      bearer(user.accessToken),
    );
    const [row] = list.data?.personalAccessTokens ?? [];
    expect(row?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(pat);
    await api.graphql(
      'mutation($id: ID!) { revokePersonalAccessToken(id: $id) }',
      { id: row?.id },
      bearer(user.accessToken),
    );
    expect(await meOn(other, pat)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a personal access token wider than the token creating it', async () => {
    const user = await signUp(api);
    const narrow = await createPat(api, user.accessToken, ['read:profile', 'write:profile']);
    const wider = await api.graphql(
      'mutation($i: CreatePersonalAccessTokenInput!) { createPersonalAccessToken(input: $i) { token } }',
      { i: { name: 'wider', scopes: ['read:budget'], expiresInDays: 30 } },
      bearer(narrow),
    );
    expect(wider.errors?.[0]?.extensions?.reason).toBe('PAT_SCOPES_INVALID');
    const admin = await api.graphql(
      'mutation($i: CreatePersonalAccessTokenInput!) { createPersonalAccessToken(input: $i) { token } }',
      { i: { name: 'admin', scopes: ['admin:*'], expiresInDays: 30 } },
      bearer(user.accessToken),
    );
    expect(admin.errors?.[0]?.extensions?.reason).toBe('PAT_SCOPES_INVALID');
  });

  it('keeps tokens of the previous signing key valid after a rotation', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const user = await signUp(api);
    const rotated = await api.graphql<{ rotateSigningKey: string }>(
      'mutation { rotateSigningKey }',
      {},
      bearer(admin.accessToken),
    );
    expect(rotated.data?.rotateSigningKey).toBeTruthy();
    expect(await meOn(other, user.accessToken)).toEqual([]);
    const fresh = (await other.graphql<{ login: Pair }>(LOGIN, { e: user.email, p: user.password }))
      .data?.login as Pair;
    expect(await meOn(api, fresh.accessToken)).toEqual([]);
  });

  it('gives premium users premium scopes and admins admin:*', async () => {
    const premium = await signUp(api, { plan: 'premium' });
    const claims = JSON.parse(
      Buffer.from(premium.accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as { scope: string };
    expect(claims.scope.split(' ')).toContain('premium:ai_insights');
    expect(claims.scope.split(' ')).not.toContain('admin:*');
  });
});

describe('password hashing', () => {
  it('uses argon2id with the OWASP parameters (m=19 MiB, t=2, p=1) by default', async () => {
    const hasher = new PasswordHasher({ memoryKib: 19_456 });
    const hash = await hasher.hash(STRONG_PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, STRONG_PASSWORD)).toBe(true);
    expect(await hasher.verify(hash, 'wrong')).toBe(false);
  });
});

async function createPat(api: TestApi, accessToken: string, scopes: string[]): Promise<string> {
  const created = await api.graphql<{ createPersonalAccessToken: { token: string } }>(
    'mutation($i: CreatePersonalAccessTokenInput!) { createPersonalAccessToken(input: $i) { token } }',
    { i: { name: 'integration', scopes, expiresInDays: 30 } },
    bearer(accessToken),
  );
  const token = created.data?.createPersonalAccessToken.token;
  if (!token) throw new Error(JSON.stringify(created.errors));
  return token;
}
