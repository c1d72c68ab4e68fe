import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { budgetClient, cents, MONTH, US_ONBOARDING, type MonthResult } from './budget-client';

let nowIso = '2026-03-01T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const ONBOARD = `mutation Onboard($input: CompleteOnboardingInput!) {
  completeOnboarding(input: $input) {
    settings { region }
    plan { tier notices { code message } }
  }
}`;
type Onboarded = {
  completeOnboarding: {
    settings: { region: string | null };
    plan: { tier: string; notices: Array<{ code: string; message: string }> };
  };
};
const REGENERATE = `mutation { regeneratePlan(input: {}) { conflict plan { notices { code } } } }`;

/** Domain §3.1 (region codes) and §3.8 (regenerating from day d) through the API. */
describe(`plan rules: regions and regeneration (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const client = async (user?: TestUser) => {
    const person = user ?? (await signUp(api));
    return budgetClient(api, {
      ...person,
      accessToken: await accessTokenWithScopes(api, person.userId, ALL_SCOPES),
    });
  };
  // 42,000 a year: low in California (≤ 44,935), lower-middle in the US profile (> 36,000).
  const onboarding = (region: string) => ({ ...US_ONBOARDING, income: '3500.00', region });

  it('plans us-ca as US-CA, stored as US-CA, with no notice', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const made = (await (await client()).call<Onboarded>(ONBOARD, { input: onboarding('us-ca') }))
      .completeOnboarding;
    expect(made.settings.region).toBe('US-CA');
    expect(made.plan.tier).toBe('low');
    expect(made.plan.notices.map((n) => n.code)).not.toContain('REGION_DEFAULTED');
  });

  it('plans an unknown region in USD as US and says so in the plan', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const made = (await (await client()).call<Onboarded>(ONBOARD, { input: onboarding('US-WA') }))
      .completeOnboarding;
    expect(made.plan.tier).toBe('lower_middle');
    expect(made.plan.notices).toContainEqual({
      code: 'REGION_DEFAULTED',
      message: 'There is no profile for region "US-WA" in USD, so this plan uses the US profile',
    });
  });

  it('refuses a region that is not an ISO 3166 code', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const answer = await (await client()).raw(ONBOARD, { input: onboarding('California') });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/ISO 3166/);
  });

  it('does not reserve rent due on the 1st again when the plan is regenerated on the 10th', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const user = await signUp(api);
    let budget = await client(user);
    await budget.call(ONBOARD, { input: US_ONBOARDING });
    const rentOf = async () => {
      const month = (await budget.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
      const byDay = month.days.map((day) =>
        cents(day.categories.find((c) => c.categoryId === 'rent')?.allocation.amount ?? '0'),
      );
      return { total: byDay.reduce((sum, v) => sum + v, 0), days: byDay };
    };
    const before = await rentOf();
    expect(before.total).toBe(150000);

    nowIso = '2026-03-10T15:00:00Z';
    budget = await client(user);
    const regenerated = await budget.call<{ regeneratePlan: { conflict: boolean } }>(REGENERATE);
    expect(regenerated.regeneratePlan.conflict).toBe(false);
    const after = await rentOf();
    expect(after.total).toBe(150000);
    expect(after.days).toEqual(before.days);
  });
});
