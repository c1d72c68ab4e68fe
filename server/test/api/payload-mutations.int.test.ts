import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
  type TestUser,
} from '../kit';
import type { FcmSender } from '../../src/infra/push/push';
import { ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * Issue #15: each mutation that returned a bare type has a `…Payload` successor sharing its
 * service call. A sample of them, called side by side with the deprecated ones, answers the same.
 */

const ADJUSTMENT = 'id fromCategoryId fromOn toCategoryId toOn amount { amount currency }';
const MOOD = 'on score label note';
const SETTINGS = 'pushEnabled emailEnabled quietHoursStart quietHoursEnd timeZone';
const ADMIN_USER = 'id email lockedUntil';

function today(api: TestApi): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    api.container.clock.now(),
  );
}

describe(`…Payload successors answer as the mutations they replace (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  let admin: TestUser;
  const as = async <T>(who: TestUser, query: string, variables: Record<string, unknown> = {}) => {
    const response: GraphQLResponse<T> = await api.graphql<T>(
      query,
      variables,
      bearer(who.accessToken),
    );
    expect(response.errors, query).toBeUndefined();
    return response.data as T;
  };

  beforeAll(async () => {
    api = await startTestApi();
    user = await signUp(api);
    admin = await signUp(api, { role: 'admin' });
    await as(user, ONBOARD, { input: US_ONBOARDING });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('moveBudget and undoBudgetMove: the same move as adjustBudget, replayed by id', async () => {
    const id = randomUUID();
    const input = {
      id,
      fromCategoryId: 'flex',
      fromOn: today(api),
      toCategoryId: 'groceries',
      toOn: today(api),
      amount: '0.01',
    };
    const old = await as<{ adjustBudget: unknown }>(
      user,
      `mutation($input: AdjustBudgetInput!) { adjustBudget(input: $input) { ${ADJUSTMENT} } }`,
      { input },
    );
    // Idempotent by id: the successor returns the very move the deprecated mutation stored.
    const next = await as<{ moveBudget: { budgetAdjustment: unknown } }>(
      user,
      `mutation($input: AdjustBudgetInput!) { moveBudget(input: $input) { budgetAdjustment { ${ADJUSTMENT} } } }`,
      { input },
    );
    expect(next.moveBudget.budgetAdjustment).toEqual(old.adjustBudget);

    const undone = await as<{ undoBudgetMove: { budgetAdjustment: unknown } }>(
      user,
      `mutation($id: ID!) { undoBudgetMove(id: $id) { budgetAdjustment { ${ADJUSTMENT} } } }`,
      { id },
    );
    const again = await as<{ deleteBudgetAdjustment: unknown }>(
      user,
      `mutation($id: ID!) { deleteBudgetAdjustment(id: $id) { ${ADJUSTMENT} } }`,
      { id },
    );
    expect(undone.undoBudgetMove.budgetAdjustment).toEqual(again.deleteBudgetAdjustment);
    expect(undone.undoBudgetMove.budgetAdjustment).toEqual(old.adjustBudget);
  });

  it('recordMood and clearMood: the same day’s mood as logMood and deleteMood', async () => {
    const input = { on: today(api), score: 4, label: 'calm', note: 'walked' };
    const old = await as<{ logMood: unknown }>(
      user,
      `mutation($input: LogMoodInput!) { logMood(input: $input) { ${MOOD} } }`,
      { input },
    );
    const next = await as<{ recordMood: { mood: unknown } }>(
      user,
      `mutation($input: LogMoodInput!) { recordMood(input: $input) { mood { ${MOOD} } } }`,
      { input },
    );
    expect(next.recordMood.mood).toEqual(old.logMood);

    const CLEAR = `mutation($on: Date!) { clearMood(on: $on) { clearedOn removed } }`;
    expect(await as(user, CLEAR, { on: input.on })).toEqual({
      clearMood: { clearedOn: input.on, removed: true },
    });
    expect(await as(user, CLEAR, { on: input.on })).toEqual({
      clearMood: { clearedOn: input.on, removed: false },
    });
    expect(
      await as(user, `mutation($on: Date!) { deleteMood(on: $on) }`, { on: input.on }),
    ).toEqual({ deleteMood: false });
  });

  it('saveNotificationSettings and markAllNotificationsAsRead answer as the old ones', async () => {
    const input = { emailEnabled: false, quietHoursStart: '21:00', quietHoursEnd: '06:30' };
    const next = await as<{ saveNotificationSettings: { notificationSettings: unknown } }>(
      user,
      `mutation($input: UpdateNotificationSettingsInput!) { saveNotificationSettings(input: $input) { notificationSettings { ${SETTINGS} } } }`,
      { input },
    );
    const old = await as<{ updateNotificationSettings: unknown }>(
      user,
      `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { ${SETTINGS} } }`,
      { input },
    );
    expect(next.saveNotificationSettings.notificationSettings).toEqual(
      old.updateNotificationSettings,
    );
    expect(old.updateNotificationSettings).toMatchObject({ emailEnabled: false });

    const all = await as<{ markAllNotificationsAsRead: { markedCount: number } }>(
      user,
      'mutation { markAllNotificationsAsRead { markedCount } }',
    );
    const oldAll = await as<{ markAllNotificationsRead: number }>(
      user,
      'mutation { markAllNotificationsRead }',
    );
    expect(all.markAllNotificationsAsRead.markedCount).toBe(oldAll.markAllNotificationsRead);
  });

  it('updateMyProfile returns the profile updateProfile returns', async () => {
    const input = { name: 'Renamed Person', timeZone: 'America/New_York' };
    const FIELDS = 'id name email timeZone locale homeCurrency';
    const next = await as<{ updateMyProfile: { user: unknown } }>(
      user,
      `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { user { ${FIELDS} } } }`,
      { input },
    );
    const old = await as<{ updateProfile: unknown }>(
      user,
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { ${FIELDS} } }`,
      { input },
    );
    expect(next.updateMyProfile.user).toEqual(old.updateProfile);
  });

  it('issuePersonalAccessToken makes a working token; cancelPersonalAccessToken ends it', async () => {
    const issued = await as<{
      issuePersonalAccessToken: { token: string; personalAccessToken: { id: string } };
    }>(
      user,
      'mutation { issuePersonalAccessToken(input: { name: "Sheet", scopes: ["read:profile"], expiresInDays: 7 }) { token personalAccessToken { id name scopes } } }',
    );
    const { token, personalAccessToken } = issued.issuePersonalAccessToken;
    expect(personalAccessToken).toMatchObject({ name: 'Sheet', scopes: ['read:profile'] });
    const me = '{ me { id } }';
    expect(errorCodes(await api.graphql(me, {}, bearer(token)))).toEqual([]);
    expect(
      await as(
        user,
        'mutation($id: ID!) { cancelPersonalAccessToken(id: $id) { revokedPersonalAccessTokenId } }',
        { id: personalAccessToken.id },
      ),
    ).toEqual({
      cancelPersonalAccessToken: { revokedPersonalAccessTokenId: personalAccessToken.id },
    });
    expect(errorCodes(await api.graphql(me, {}, bearer(token)))).toEqual(['UNAUTHENTICATED']);
    // An unknown id is an error, as it is for revokePersonalAccessToken.
    const unknown = { id: randomUUID() };
    expect(
      errorCodes(
        await api.graphql(
          'mutation($id: ID!) { cancelPersonalAccessToken(id: $id) { revokedPersonalAccessTokenId } }',
          unknown,
          bearer(user.accessToken),
        ),
      ),
    ).toEqual(
      errorCodes(
        await api.graphql(
          'mutation($id: ID!) { revokePersonalAccessToken(id: $id) }',
          unknown,
          bearer(user.accessToken),
        ),
      ),
    );
  });

  it('admin: lockUserAccount, unlockUserAccount and the flag mutations answer as the old ones', async () => {
    const person = await signUp(api);
    const until = new Date(api.container.clock.now().getTime() + 86_400_000).toISOString();
    const locked = await as<{ lockUserAccount: { user: unknown } }>(
      admin,
      `mutation($id: ID!, $until: DateTime!) { lockUserAccount(userId: $id, until: $until) { user { ${ADMIN_USER} } } }`,
      { id: person.userId, until },
    );
    const lockedAgain = await as<{ lockUser: unknown }>(
      admin,
      `mutation($id: ID!, $until: DateTime!) { lockUser(userId: $id, until: $until) { ${ADMIN_USER} } }`,
      { id: person.userId, until },
    );
    expect(locked.lockUserAccount.user).toEqual(lockedAgain.lockUser);
    expect(locked.lockUserAccount.user).toMatchObject({ id: person.userId });
    const unlocked = await as<{ unlockUserAccount: { user: { lockedUntil: string | null } } }>(
      admin,
      `mutation($id: ID!) { unlockUserAccount(userId: $id) { user { ${ADMIN_USER} } } }`,
      { id: person.userId },
    );
    expect(unlocked.unlockUserAccount.user.lockedUntil).toBeNull();

    const key = `payload-${randomUUID().slice(0, 8)}`;
    const FLAG = 'key description enabled rolloutPercent';
    const saved = await as<{ saveFeatureFlag: { featureFlag: unknown } }>(
      admin,
      `mutation($input: SetFeatureFlagInput!) { saveFeatureFlag(input: $input) { featureFlag { ${FLAG} } } }`,
      { input: { key, description: 'A test flag', enabled: true, rolloutPercent: 50 } },
    );
    const set = await as<{ setFeatureFlag: unknown }>(
      admin,
      `mutation($input: SetFeatureFlagInput!) { setFeatureFlag(input: $input) { ${FLAG} } }`,
      { input: { key, description: 'A test flag', enabled: true, rolloutPercent: 50 } },
    );
    expect(saved.saveFeatureFlag.featureFlag).toEqual(set.setFeatureFlag);
    const REMOVE = `mutation($key: String!) { removeFeatureFlag(key: $key) { key removed } }`;
    expect(await as(admin, REMOVE, { key })).toEqual({ removeFeatureFlag: { key, removed: true } });
    expect(await as(admin, REMOVE, { key })).toEqual({
      removeFeatureFlag: { key, removed: false },
    });
    expect(
      await as(admin, 'mutation($key: String!) { deleteFeatureFlag(key: $key) }', { key }),
    ).toEqual({ deleteFeatureFlag: false });

    // Still admin-only, as the mutations they replace.
    expect(errorCodes(await api.graphql(REMOVE, { key }, bearer(user.accessToken)))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('signOut ends the session as logout did', async () => {
    const person = await signUp(api);
    expect(await as(person, 'mutation { signOut { signedOut } }')).toEqual({
      signOut: { signedOut: true },
    });
    expect(errorCodes(await api.graphql('{ me { id } }', {}, bearer(person.accessToken)))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

/** The push vendor's border: FCM accepts every message (nothing is sent in these tests). */
const acceptingFcm: FcmSender = { isConfigured: true, send: () => Promise.resolve('sent') };

describe(`enum-typed fields carry the values of the String fields they replace (${TEST_MODE})`, () => {
  let api: TestApi;
  let user: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    api = await startTestApi({ fcm: acceptingFcm });
    user = await signUp(api);
    admin = await signUp(api, { role: 'admin' });
    await api.graphql(ONBOARD, { input: US_ONBOARDING }, bearer(user.accessToken));
  });
  afterAll(async () => {
    await api?.stop();
  });

  const upper = (value: string | null) => (value === null ? null : value.toUpperCase());

  it('Plan, PlanCategory and BudgetCategoryMonth', async () => {
    const read = await api.graphql<{
      plan: {
        tier: string;
        incomeTier: string;
        categories: Array<
          Record<
            | 'behaviour'
            | 'categoryBehaviour'
            | 'priority'
            | 'categoryPriority'
            | 'source'
            | 'origin',
            string
          >
        >;
      };
      dashboard: {
        categories: Array<
          Record<'behaviour' | 'categoryBehaviour' | 'priority' | 'categoryPriority', string>
        >;
        pace: Array<{ level: string; pace: string }>;
      };
    }>(
      `{ plan { tier incomeTier categories { behaviour categoryBehaviour priority categoryPriority source origin } }
         dashboard { categories { behaviour categoryBehaviour priority categoryPriority } pace { level pace } } }`,
      {},
      bearer(user.accessToken),
    );
    expect(read.errors).toBeUndefined();
    const { plan, dashboard } = read.data ?? { plan: null, dashboard: null };
    expect(plan?.incomeTier).toBe(upper(plan?.tier ?? null));
    expect(plan?.categories.length).toBeGreaterThan(3);
    for (const c of plan?.categories ?? []) {
      expect(c.categoryBehaviour).toBe(upper(c.behaviour));
      expect(c.categoryPriority).toBe(upper(c.priority));
      expect(c.origin).toBe(upper(c.source));
    }
    expect(plan?.categories.map((c) => c.origin)).toContain('FLEX');
    expect(dashboard?.categories.map((c) => c.categoryPriority)).toContain('BUFFER');
    for (const c of dashboard?.categories ?? []) {
      expect(c.categoryBehaviour).toBe(upper(c.behaviour));
      expect(c.categoryPriority).toBe(upper(c.priority));
    }
    for (const p of dashboard?.pace ?? []) expect(p.pace).toBe(upper(p.level));
  });

  it('UserCategory, Entitlement and PushDeviceRegistration', async () => {
    const created = await api.graphql<{
      createCategory: { category: Record<string, string> };
    }>(
      'mutation { createCategory(input: { name: "Pets", behaviour: CLUSTERED, priority: PROTECTED }) { category { behaviour categoryBehaviour priority categoryPriority } } }',
      {},
      bearer(user.accessToken),
    );
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    expect(created.data?.createCategory.category).toEqual({
      behaviour: 'clustered',
      categoryBehaviour: 'CLUSTERED',
      priority: 'protected',
      categoryPriority: 'PROTECTED',
    });

    const standard = await api.graphql<{ myEntitlement: { source: null; origin: null } }>(
      '{ myEntitlement { source origin } }',
      {},
      bearer(user.accessToken),
    );
    expect(standard.data?.myEntitlement).toEqual({ source: null, origin: null });
    const granted = await api.graphql<{
      grantPremiumAccess: { entitlement: { source: string; origin: string } };
    }>(
      'mutation($input: GrantPremiumInput!) { grantPremiumAccess(input: $input) { entitlement { source origin } } }',
      { input: { userId: user.userId } },
      bearer(admin.accessToken),
    );
    expect(granted.data?.grantPremiumAccess.entitlement).toEqual({
      source: 'admin',
      origin: 'ADMIN',
    });

    const device = await api.graphql<{
      addPushDevice: { pushDevice: { platform: string; devicePlatform: string } };
    }>(
      'mutation { addPushDevice(input: { token: "fcm-token-payload-test", platform: IOS }) { pushDevice { platform devicePlatform } } }',
      {},
      bearer(user.accessToken),
    );
    expect(device.errors).toBeUndefined();
    expect(device.data?.addPushDevice.pushDevice).toEqual({
      platform: 'ios',
      devicePlatform: 'IOS',
    });
  });
});
