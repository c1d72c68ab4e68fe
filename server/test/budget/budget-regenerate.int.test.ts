import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import {
  budgetClient,
  cents,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from './budget-client';

let nowIso = '2026-03-01T15:00:00Z';
const clock = { now: () => new Date(nowIso) };

const REGENERATE = `mutation G($input: RegeneratePlanInput!) { regeneratePlan(input: $input) { conflict plan { version startsOn totals { planned { amount } } } } }`;
type RegenerateResult = {
  regeneratePlan: {
    conflict: boolean;
    plan: { version: number; startsOn: string; totals: { planned: { amount: string } } };
  };
};

describe(`regeneratePlan (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('remakes the days from today with the new settings and keeps past days as they were', async () => {
    nowIso = '2026-03-01T15:00:00Z';
    const signedUp = await signUp(api);
    await budgetClient(api, signedUp).call(ONBOARD, { input: US_ONBOARDING });
    nowIso = '2026-03-10T15:00:00Z';
    const client = budgetClient(api, {
      ...signedUp,
      accessToken: await accessTokenWithScopes(api, signedUp.userId, ALL_SCOPES),
    });
    const month = async () =>
      (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    const sumDays = (m: MonthResult['budgetMonth'], pick: (day: number) => boolean) =>
      m.days
        .filter((d) => pick(Number(d.date.slice(8, 10))))
        .reduce(
          (sum, d) => sum + d.categories.reduce((s, c) => s + cents(c.allocation.amount), 0),
          0,
        );
    const before = await month();
    await client.call(`mutation { updatePlanSettings(input: { income: "9000.00" }) { conflict } }`);

    const made = (await client.call<RegenerateResult>(REGENERATE, { input: { baseVersion: 1 } }))
      .regeneratePlan;
    expect(made).toMatchObject({ conflict: false, plan: { version: 2, startsOn: '2026-03-01' } });
    const after = await month();
    expect(after.days.filter((d) => d.date < '2026-03-10')).toEqual(
      before.days.filter((d) => d.date < '2026-03-10'),
    );
    expect(sumDays(after, (day) => day >= 10)).toBeGreaterThan(sumDays(before, (day) => day >= 10));
    expect(after.totals.allocated.amount).toBe(made.plan.totals.planned.amount);

    const stale = (await client.call<RegenerateResult>(REGENERATE, { input: { baseVersion: 1 } }))
      .regeneratePlan;
    expect(stale).toMatchObject({ conflict: true, plan: { version: 2 } });
  });
});
