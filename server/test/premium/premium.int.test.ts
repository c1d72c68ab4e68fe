import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';

let now = Date.parse('2026-03-01T12:00:00Z');
const clock = { now: () => new Date(now) };

const REFRESH =
  'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';
const GRANT = `mutation G($input: GrantPremiumInput!) { grantPremium(input: $input) { userId plan isPremium source until } }`;
const REVOKE = `mutation R($id: ID!) { revokePremium(userId: $id) { userId plan isPremium source until } }`;
const MINE = `{ myEntitlement { plan isPremium source until } }`;

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    scope?: string;
    scopes?: string[];
  };
const scopesIn = (token: string): string[] => {
  const claims = claimsOf(token);
  return claims.scopes ?? claims.scope?.split(' ') ?? [];
};

describe(`premium granted by an admin (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock, config: { ACCESS_TOKEN_TTL_S: '900' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('follows the entitlement at the next refresh, ends on its date, and is audited', async () => {
    const admin = await signUp(api, { role: 'admin' });
    const person = await signUp(api);
    expect(scopesIn(person.accessToken)).not.toContain('premium:ai_insights');

    // Only an admin grants, and only to someone who exists.
    expect(
      errorCodes(
        await api.graphql(GRANT, { input: { userId: person.userId } }, bearer(person.accessToken)),
      ),
    ).toEqual(['FORBIDDEN']);
    for (const userId of [randomUUID(), 'not-a-uuid'])
      expect(
        errorCodes(await api.graphql(GRANT, { input: { userId } }, bearer(admin.accessToken))),
      ).toEqual(['NOT_FOUND']);
    const past = await api.graphql(
      GRANT,
      { input: { userId: person.userId, until: '2026-02-01T00:00:00Z' } },
      bearer(admin.accessToken),
    );
    expect(past.errors?.[0]?.extensions?.reason).toBe('PREMIUM_INPUT_INVALID');

    const granted = await api.graphql<{ grantPremium: Record<string, unknown> }>(
      GRANT,
      { input: { userId: person.userId, until: '2026-03-15T00:00:00Z' } },
      bearer(admin.accessToken),
    );
    expect(granted.data?.grantPremium).toEqual({
      userId: person.userId,
      plan: 'PREMIUM',
      isPremium: true,
      source: 'admin',
      until: '2026-03-15T00:00:00.000Z',
    });
    // The token in hand is unchanged; the next refresh carries the premium scope.
    expect(scopesIn(person.accessToken)).not.toContain('premium:ai_insights');
    const refreshed = await api.graphql<{
      refreshToken: { accessToken: string; refreshToken: string };
    }>(REFRESH, { t: person.refreshToken });
    const pair = refreshed.data!.refreshToken;
    expect(scopesIn(pair.accessToken)).toContain('premium:ai_insights');
    expect(
      (await api.graphql<{ myEntitlement: unknown }>(MINE, {}, bearer(pair.accessToken))).data,
    ).toEqual({
      myEntitlement: {
        plan: 'PREMIUM',
        isPremium: true,
        source: 'admin',
        until: '2026-03-15T00:00:00.000Z',
      },
    });

    // Past its end, premium is no longer in force: the next refresh drops the scope.
    now = Date.parse('2026-03-16T12:00:00Z');
    const expired = await api.graphql<{
      refreshToken: { accessToken: string; refreshToken: string };
    }>(REFRESH, { t: pair.refreshToken });
    const later = expired.data!.refreshToken;
    expect(scopesIn(later.accessToken)).not.toContain('premium:ai_insights');
    expect(
      (
        await api.graphql<{ myEntitlement: { isPremium: boolean } }>(
          MINE,
          {},
          bearer(later.accessToken),
        )
      ).data?.myEntitlement.isPremium,
    ).toBe(false);

    // Without an end, until revoked.
    const admin2 = await signUp(api, { role: 'admin' });
    await api.graphql(GRANT, { input: { userId: person.userId } }, bearer(admin2.accessToken));
    const forever = (
      await api.graphql<{ refreshToken: { accessToken: string; refreshToken: string } }>(REFRESH, {
        t: later.refreshToken,
      })
    ).data!.refreshToken;
    expect(scopesIn(forever.accessToken)).toContain('premium:ai_insights');
    const revoked = await api.graphql<{ revokePremium: Record<string, unknown> }>(
      REVOKE,
      { id: person.userId },
      bearer(admin2.accessToken),
    );
    expect(revoked.data?.revokePremium).toMatchObject({
      plan: 'STANDARD',
      isPremium: false,
      until: null,
    });
    const after = (
      await api.graphql<{ refreshToken: { accessToken: string } }>(REFRESH, {
        t: forever.refreshToken,
      })
    ).data!.refreshToken;
    expect(scopesIn(after.accessToken)).not.toContain('premium:ai_insights');

    const audit = await api.graphql<{ auditLog: { edges: { node: { event: string } }[] } }>(
      `{ auditLog(first: 200) { edges { node { event } } } }`,
      {},
      bearer(admin2.accessToken),
    );
    const events = audit.data?.auditLog.edges.map((e) => e.node.event) ?? [];
    expect(events.filter((e) => e === 'admin.premium_granted')).toHaveLength(2);
    expect(events).toContain('admin.premium_revoked');
  });
});
