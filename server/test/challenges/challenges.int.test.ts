import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { budgetClient, CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

let now = Date.parse('2026-03-02T15:00:00Z');
const clock = { now: () => new Date(now) };

const PARTICIPATION = `id challengeId status startsOn endsOn today daysTotal daysElapsed daysKept used { amount currency } cap { amount } failedOn completedAt failedAt`;
const CHALLENGE = `id kind days startRule categoryIds capShareBps cap { amount currency } isAvailable unavailableReason completedCount current { ${PARTICIPATION} }`;
const CHALLENGES = `{ challenges { ${CHALLENGE} } }`;
const MINE = `{ myChallenges { ${PARTICIPATION} } }`;
const JOIN = `mutation J($id: ID!) { joinChallenge(challengeId: $id) { ${CHALLENGE} } }`;
const LEAVE = `mutation L($id: ID!) { leaveChallenge(challengeId: $id) { ${CHALLENGE} } }`;
const DELETE = `mutation D($id: ID!) { deleteTransaction(id: $id) { transaction { id } } }`;

interface Participation {
  id: string;
  challengeId: string;
  status: string;
  startsOn: string;
  endsOn: string;
  today: string;
  daysTotal: number;
  daysElapsed: number;
  daysKept: number;
  used: { amount: string; currency: string };
  cap: { amount: string } | null;
  failedOn: string | null;
  completedAt: string | null;
  failedAt: string | null;
}
interface ChallengeData {
  id: string;
  kind: string;
  cap: { amount: string; currency: string } | null;
  isAvailable: boolean;
  unavailableReason: string | null;
  completedCount: number;
  current: Participation | null;
}

describe(`challenges (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    // The clock moves by days: tokens must outlive the jumps.
    api = await startTestApi({ clock, config: { ACCESS_TOKEN_TTL_S: '3000000' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  function clientOf(user: Parameters<typeof budgetClient>[1]) {
    const client = budgetClient(api, user);
    return {
      ...client,
      catalogue: async () =>
        (await client.call<{ challenges: ChallengeData[] }>(CHALLENGES)).challenges,
      entry: async (id: string) => {
        const found = (await client.call<{ challenges: ChallengeData[] }>(CHALLENGES)).challenges;
        return found.find((c) => c.id === id);
      },
      mine: async () => (await client.call<{ myChallenges: Participation[] }>(MINE)).myChallenges,
      join: async (id: string) =>
        (await client.call<{ joinChallenge: ChallengeData }>(JOIN, { id })).joinChallenge,
      leave: async (id: string) =>
        (await client.call<{ leaveChallenge: ChallengeData }>(LEAVE, { id })).leaveChallenge,
      spend: async (categoryId: string, amount: string, bookedOn: string) =>
        (
          await client.call<{ createTransaction: { transaction: { id: string } } }>(CREATE, {
            input: { amount, categoryId, bookedOn },
          })
        ).createTransaction.transaction.id,
    };
  }

  it('joins idempotently, leaves, and keeps caps for people with a plan', async () => {
    now = Date.parse('2026-03-02T15:00:00Z');
    const user = await signUp(api);
    const client = clientOf(user);

    // Before onboarding: capped challenges need a budget; the others can be joined.
    const before = await client.catalogue();
    expect(before.find((c) => c.id === 'eating-out-under-plan-week')).toMatchObject({
      isAvailable: false,
      unavailableReason: 'NO_BUDGET',
      cap: null,
    });
    expect(errorCodes(await client.raw(JOIN, { id: 'eating-out-under-plan-week' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const first = (await client.join('no-spend-day')).current;
    expect(first).toMatchObject({ status: 'ACTIVE', startsOn: '2026-03-02', daysElapsed: 0 });
    const again = (await client.join('no-spend-day')).current;
    expect(again?.id).toBe(first?.id);
    expect(await client.mine()).toHaveLength(1);
    expect((await client.leave('no-spend-day')).current).toBeNull();
    expect((await client.leave('no-spend-day')).current).toBeNull();
    expect(await client.mine()).toHaveLength(0);

    await client.call(ONBOARD, { input: US_ONBOARDING });
    const capped = await client.entry('eating-out-under-plan-week');
    expect(capped).toMatchObject({ isAvailable: true, unavailableReason: null });
    expect(capped?.cap?.currency).toBe('USD');
    expect(Number(capped?.cap?.amount)).toBeGreaterThan(0);
    // No coffee habit at onboarding: nothing to cap.
    expect(await client.entry('coffee-half-plan-week')).toMatchObject({
      isAvailable: false,
      unavailableReason: 'NOT_IN_PLAN',
    });
    expect(errorCodes(await client.raw(JOIN, { id: 'no-such-challenge' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await client.raw(LEAVE, { id: 'no-such-challenge' }))).toEqual(['NOT_FOUND']);

    // A weekend challenge joined on a Monday starts on Saturday.
    expect((await client.join('no-delivery-weekend')).current).toMatchObject({
      startsOn: '2026-03-07',
      endsOn: '2026-03-08',
      daysElapsed: 0,
      status: 'ACTIVE',
    });
  });

  it('computes progress from the ledger, fails at the breaking expense and starts anew on rejoin', async () => {
    now = Date.parse('2026-03-02T15:00:00Z');
    const user = await signUp(api);
    const client = clientOf(user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const joined = (await client.join('no-dining-out-7-days')).current;
    expect(joined).toMatchObject({ startsOn: '2026-03-02', endsOn: '2026-03-08', daysTotal: 7 });

    now = Date.parse('2026-03-04T15:00:00Z');
    await client.spend('groceries', '40.00', '2026-03-03');
    expect((await client.entry('no-dining-out-7-days'))?.current).toMatchObject({
      status: 'ACTIVE',
      daysElapsed: 2,
      daysKept: 2,
      used: { amount: '0.00', currency: 'USD' },
    });
    const dinner = await client.spend('dining_out', '18.50', '2026-03-04');
    const [failed] = await client.mine();
    expect(failed).toMatchObject({
      id: joined?.id,
      status: 'FAILED',
      failedOn: '2026-03-04',
      daysKept: 2,
      used: { amount: '18.50' },
    });
    expect(failed?.failedAt).not.toBeNull();
    // The outcome is recorded once: deleting the expense does not revive the attempt.
    await client.call(DELETE, { id: dinner });
    const [stillFailed] = await client.mine();
    expect(stillFailed).toMatchObject({ status: 'FAILED', failedAt: failed?.failedAt });

    // Joining again starts a new attempt from today.
    const rejoined = (await client.join('no-dining-out-7-days')).current;
    expect(rejoined?.id).not.toBe(joined?.id);
    expect(rejoined).toMatchObject({ status: 'ACTIVE', startsOn: '2026-03-04' });
    expect((await client.mine()).map((p) => p.status)).toEqual(['ACTIVE', 'FAILED']);
  });

  it('completes a capped challenge once, on the local day after its last one', async () => {
    now = Date.parse('2026-03-02T15:00:00Z');
    const user = await signUp(api);
    const client = clientOf(user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const joined = await client.join('eating-out-under-plan-week');
    const capMinor = Math.round(Number(joined.cap?.amount) * 100);
    expect(joined.current?.cap).toEqual(joined.cap && { amount: joined.cap.amount });
    const under = ((capMinor - 1) / 100).toFixed(2);
    await client.spend('delivery', under, '2026-03-05');
    await client.spend('coffee', '500.00', '2026-03-05');

    // 23:00 on 8 March in New York (already the 9th in UTC): the last day is not over yet.
    now = Date.parse('2026-03-09T03:00:00Z');
    expect((await client.entry('eating-out-under-plan-week'))?.current).toMatchObject({
      status: 'ACTIVE',
      today: '2026-03-08',
      daysElapsed: 6,
      daysKept: 6,
      used: { amount: under },
    });

    now = Date.parse('2026-03-09T15:00:00Z');
    const [done] = await client.mine();
    expect(done).toMatchObject({ status: 'COMPLETED', daysElapsed: 7, daysKept: 7 });
    expect(done?.completedAt).toBe(new Date(now).toISOString());
    const entry = await client.entry('eating-out-under-plan-week');
    expect(entry).toMatchObject({ completedCount: 1, current: null });

    // Later reads and later spending in its days never change the recorded completion.
    now = Date.parse('2026-03-12T15:00:00Z');
    await client.spend('dining_out', '90.00', '2026-03-06');
    const [later] = await client.mine();
    expect(later).toMatchObject({ status: 'COMPLETED', completedAt: done?.completedAt });
    expect((await client.entry('eating-out-under-plan-week'))?.completedCount).toBe(1);
  });

  it("keeps one person's challenges from another, and needs write:goals to join", async () => {
    now = Date.parse('2026-03-02T15:00:00Z');
    const owner = await signUp(api);
    const intruder = await signUp(api);
    await clientOf(owner).join('groceries-only-3-days');
    expect(await clientOf(intruder).mine()).toEqual([]);
    expect((await clientOf(intruder).entry('groceries-only-3-days'))?.current).toBeNull();

    const readOnly = await accessTokenWithScopes(api, owner.userId, ['read:goals']);
    expect(errorCodes(await api.graphql(MINE, {}, bearer(readOnly)))).toEqual([]);
    expect(errorCodes(await api.graphql(JOIN, { id: 'no-spend-day' }, bearer(readOnly)))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
