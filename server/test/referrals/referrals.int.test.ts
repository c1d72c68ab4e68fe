import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/infra/db/migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  STRONG_PASSWORD,
  startTestApi,
  TEST_MODE,
  uniqueName,
  type GraphQLResponse,
  type TestApi,
} from '../kit';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const clock = { now: () => new Date(NOW) };
const DAY_MS = 24 * 3600 * 1000;

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken user { id email } }
}`;
const ONBOARD = `mutation { completeOnboarding(input: { currency: "EUR", timeZone: "Europe/Berlin", income: "3000.00" }) { alreadyCompleted } }`;
const MY_REFERRAL = `{ myReferral { code shareUrl invitedCount completedCount rewardedCount premiumDaysEarned referrerRewardDays inviteeRewardDays } }`;
const MINE = `{ myEntitlement { isPremium source until } }`;

interface Person {
  userId: string;
  email: string;
  token: string;
}
interface Summary {
  code: string;
  shareUrl: string;
  invitedCount: number;
  completedCount: number;
  rewardedCount: number;
  premiumDaysEarned: number;
}

describe(`referrals (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock, config: { PUBLIC_URL: 'https://pace.example' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const register = (
    extras: { referralCode?: string; deviceId?: string; email?: string } = {},
  ): Promise<GraphQLResponse<{ register: { accessToken: string; user: { id: string } } }>> =>
    api.graphql(REGISTER, {
      input: {
        email: extras.email ?? `${uniqueName('ref')}@example.com`,
        password: STRONG_PASSWORD,
        name: 'Test Person',
        currency: 'EUR',
        country: 'DE',
        timeZone: 'Europe/Berlin',
        locale: 'en-GB',
        ...(extras.referralCode ? { referralCode: extras.referralCode } : {}),
        ...(extras.deviceId ? { deviceId: extras.deviceId } : {}),
      },
    });
  const person = async (
    extras: { referralCode?: string; deviceId?: string; email?: string } = {},
  ): Promise<Person> => {
    const email = extras.email ?? `${uniqueName('ref')}@example.com`;
    const response = await register({ ...extras, email });
    const session = response.data?.register;
    if (!session) throw new Error(JSON.stringify(response.errors));
    return { userId: session.user.id, email, token: session.accessToken };
  };
  const summaryOf = async (who: Person) =>
    (await api.graphql<{ myReferral: Summary }>(MY_REFERRAL, {}, bearer(who.token))).data!
      .myReferral;
  const entitlementOf = async (who: Person) =>
    (
      await api.graphql<{
        myEntitlement: { isPremium: boolean; source: string | null; until: string | null };
      }>(MINE, {}, bearer(who.token))
    ).data!.myEntitlement;
  const onboard = (who: Person) => api.graphql(ONBOARD, {}, bearer(who.token));
  const auditOf = async (event: string, userId: string) =>
    (await api.container.services.audit.list({ first: 50, filter: { event, userId } })).rows.map(
      (row) => row.details as Record<string, unknown>,
    );
  const inDays = (days: number) => new Date(NOW + days * DAY_MS).toISOString();

  it('gives each person one stable code and a share link to the sign-up page', async () => {
    const ann = await person();
    const first = await summaryOf(ann);
    expect(first.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(first.shareUrl).toBe(`https://pace.example/sign-up/?ref=${first.code}`);
    expect((await summaryOf(ann)).code).toBe(first.code);
    const other = await person();
    expect((await summaryOf(other)).code).not.toBe(first.code);
  });

  it('rewards both sides exactly once, however often onboarding completes', async () => {
    const ann = await person({ deviceId: 'device-ann' });
    const { code } = await summaryOf(ann);
    // Any case, with a dash, is the same code.
    const bob = await person({
      referralCode: `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`,
      deviceId: 'device-bob',
    });
    expect(await summaryOf(ann)).toMatchObject({ invitedCount: 1, completedCount: 0 });
    expect((await entitlementOf(ann)).isPremium).toBe(false);

    expect((await onboard(bob)).errors).toBeUndefined();
    expect((await onboard(bob)).errors).toBeUndefined(); // a replay
    expect(await entitlementOf(ann)).toEqual({
      isPremium: true,
      source: 'referral',
      until: inDays(30),
    });
    expect(await entitlementOf(bob)).toEqual({
      isPremium: true,
      source: 'referral',
      until: inDays(30),
    });

    // A second invitee completing at the same moment several times: one more reward, no more.
    const carl = await person({ referralCode: code, deviceId: 'device-carl' });
    const results = await Promise.all([onboard(carl), onboard(carl), onboard(carl)]);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect((await entitlementOf(ann)).until).toBe(inDays(60));
    expect(await summaryOf(ann)).toMatchObject({
      invitedCount: 2,
      completedCount: 2,
      rewardedCount: 2,
      premiumDaysEarned: 60,
    });
    const grants = await auditOf('referral.reward_granted', ann.userId);
    expect(grants.map((g) => g.inviteeId).sort()).toEqual([bob.userId, carl.userId].sort());
  });

  it('refuses a reward to oneself: the same mailbox in another case with a +tag', async () => {
    const ann = await person({ email: `${uniqueName('ann')}@example.com` });
    const { code } = await summaryOf(ann);
    const [local, domain] = ann.email.split('@');
    const twin = await person({
      referralCode: code,
      email: `${local!.toUpperCase()}+again@${domain!.toUpperCase()}`,
    });
    await onboard(twin);
    expect((await entitlementOf(ann)).isPremium).toBe(false);
    expect((await entitlementOf(twin)).isPremium).toBe(false);
    expect(await summaryOf(ann)).toMatchObject({ completedCount: 1, rewardedCount: 0 });
    expect(await auditOf('referral.reward_refused', ann.userId)).toEqual([
      expect.objectContaining({ inviteeId: twin.userId, reason: 'self_referral' }),
    ]);
  });

  it('refuses a reward when the invitee signs up on the referrer’s device or a rewarded invitee’s', async () => {
    const ann = await person({ deviceId: 'shared-device' });
    const { code } = await summaryOf(ann);
    const sock = await person({ referralCode: code, deviceId: 'shared-device' });
    await onboard(sock);
    expect((await entitlementOf(ann)).isPremium).toBe(false);

    const dora = await person({ referralCode: code, deviceId: 'dora-phone' });
    await onboard(dora);
    expect((await entitlementOf(ann)).until).toBe(inDays(30));
    const doraTwin = await person({ referralCode: code, deviceId: 'dora-phone' });
    await onboard(doraTwin);
    expect((await entitlementOf(ann)).until).toBe(inDays(30));
    expect((await entitlementOf(doraTwin)).isPremium).toBe(false);

    const refusals = await auditOf('referral.reward_refused', ann.userId);
    expect(refusals.map((r) => [r.inviteeId, r.reason]).sort()).toEqual(
      [
        [sock.userId, 'same_device'],
        [doraTwin.userId, 'same_device'],
      ].sort(),
    );
    expect(await summaryOf(ann)).toMatchObject({ invitedCount: 3, rewardedCount: 1 });
  });

  it('refuses an unknown code before creating the account; without a code sign-up works', async () => {
    const email = `${uniqueName('lost')}@example.com`;
    for (const referralCode of ['ZZZZZZZZ', 'not-a-code']) {
      const refused = await register({ email, referralCode });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REFERRAL_CODE_UNKNOWN',
      });
    }
    const joined = await register({ email });
    expect(joined.errors).toBeUndefined();
    expect(joined.data?.register.user.id).toBeTruthy();
  });

  it('stores only a hash of the device id', async () => {
    const device = `raw-device-${uniqueName('d')}`;
    const who = await person({ deviceId: device });
    const rows = rowsOf<{ device_hash: string }>(
      await api.container.database.db.execute(
        sql`select device_hash from sign_up_devices where user_id = ${who.userId}`,
      ),
    );
    expect(rows).toEqual([{ device_hash: createHash('sha256').update(device).digest('hex') }]);
  });
});
