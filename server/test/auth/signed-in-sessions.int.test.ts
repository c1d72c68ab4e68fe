import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const SESSIONS = '{ sessions { id signedInAt lastActiveAt expiresAt current } }';
const REVOKE = 'mutation($id: ID!) { revokeSession(id: $id) }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }';
type Session = { id: string; current: boolean; signedInAt: string; lastActiveAt: string };

describe(`the signed-in sessions list (${TEST_MODE})`, () => {
  let api: TestApi;
  /** Revocation is checked on a second API node in the distributed mode. */
  let other: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    other = isDistributed ? await startSecondNode(api) : api;
  });
  afterAll(async () => {
    if (other !== api) await other?.stop();
    await api?.stop();
  });

  const login = async (email: string) => {
    const result = await api.graphql<{ login: { accessToken: string; refreshToken: string } }>(
      LOGIN,
      { e: email, p: STRONG_PASSWORD },
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.login;
  };
  const list = async (token: string) =>
    (await api.graphql<{ sessions: Session[] }>(SESSIONS, {}, bearer(token))).data?.sessions ?? [];

  it('lists each device sign-in once, marks the current one, and revokes another at once', async () => {
    const user = await signUp(api);
    const laptop = await login(user.email);
    const phone = await login(user.email);

    const seenFromLaptop = await list(laptop.accessToken);
    expect(seenFromLaptop).toHaveLength(3); // sign-up, laptop, phone
    expect(seenFromLaptop.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = (await list(phone.accessToken)).find((s) => s.current);
    expect(phoneSession).toBeDefined();
    expect(seenFromLaptop.find((s) => s.id === phoneSession?.id)?.current).toBe(false);

    const revoked = await api.graphql(REVOKE, { id: phoneSession?.id }, bearer(laptop.accessToken));
    expect(revoked.errors).toBeUndefined();
    // The phone's access token and its refresh token stop working, on every node.
    expect(errorCodes(await other.graphql('{ me { id } }', {}, bearer(phone.accessToken)))).toEqual(
      ['UNAUTHENTICATED'],
    );
    expect(errorCodes(await api.graphql(REFRESH, { t: phone.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // The laptop keeps working; the phone is gone from the list.
    const after = await list(laptop.accessToken);
    expect(after.map((s) => s.id)).not.toContain(phoneSession?.id);
    expect(after).toHaveLength(2);
  });

  it('never shows or revokes another person’s session', async () => {
    const owner = await signUp(api);
    const stranger = await signUp(api);
    const [ownerSession] = await list(owner.accessToken);
    expect((await list(stranger.accessToken)).map((s) => s.id)).not.toContain(ownerSession?.id);

    const attempt = await api.graphql(
      REVOKE,
      { id: ownerSession?.id },
      bearer(stranger.accessToken),
    );
    expect(errorCodes(attempt)).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await api.graphql(REVOKE, { id: 'not-a-uuid' }, bearer(stranger.accessToken))),
    ).toEqual(['NOT_FOUND']);
    expect(
      (await api.graphql('{ me { id } }', {}, bearer(owner.accessToken))).errors,
    ).toBeUndefined();
  });
});
