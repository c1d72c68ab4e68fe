import { sharesInBasisPoints } from '@pace/engine';
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

let now = Date.parse('2026-02-01T15:00:00Z');
const clock = { now: () => new Date(now) };

const INSIGHTS = `query I($month: YearMonth) { spendingInsights(month: $month) {
  month today isInProgress total { amount currency }
  breakdown { categoryId categoryName amount { amount } shareBasisPoints share }
  trendMonths
  trends { categoryId series { month amount { amount } } current { amount } previous { amount } change { amount } direction }
  pace { spent { amount } plan { amount } expectedToDate { amount } ahead { amount } elapsedDays planDays level ratio runOutOn }
  categoryPace { categoryId level }
  anomalies { method daysInNorm neededDays typical { amount } threshold { amount } days { date amount { amount } aboveTypical { amount } score } }
  drift { previousMonth distanceBasisPoints categories { categoryId previousShareBasisPoints currentShareBasisPoints changeBasisPoints isNotable } }
  health { score components { kind weight value points ratio target explanation } }
} }`;
const PEERS = `query P($month: YearMonth) { peerComparison(month: $month) {
  month status neededPeers incomeBand region
  categories { categoryId yourShareBasisPoints lowerQuartileBasisPoints medianBasisPoints upperQuartileBasisPoints position }
} }`;

interface Insights {
  month: string;
  today: string;
  isInProgress: boolean;
  total: { amount: string; currency: string };
  breakdown: Array<{ categoryId: string; amount: { amount: string }; shareBasisPoints: number }>;
  trendMonths: string[];
  trends: Array<{
    categoryId: string;
    current: { amount: string };
    previous: { amount: string };
    change: { amount: string };
    direction: string;
  }>;
  pace: { elapsedDays: number; planDays: number; spent: { amount: string } } | null;
  anomalies: {
    method: string;
    daysInNorm: number;
    days: Array<{ date: string; amount: { amount: string } }>;
  };
  drift: { previousMonth: string; distanceBasisPoints: number | null };
  health: {
    score: number | null;
    components: Array<{ kind: string; weight: number; value: number | null; explanation: string }>;
  } | null;
}
interface Peers {
  status: string;
  neededPeers: number;
  incomeBand: string;
  region: string;
  categories: Array<{
    categoryId: string;
    yourShareBasisPoints: number;
    lowerQuartileBasisPoints: number;
    medianBasisPoints: number;
    upperQuartileBasisPoints: number;
    position: string;
  }>;
}

describe(`spending analytics (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    // The clock moves by weeks: tokens must outlive the jumps.
    api = await startTestApi({ clock, config: { ACCESS_TOKEN_TTL_S: '9000000' } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('explains a month: breakdown, trends, pace, unusual days, drift and health', async () => {
    now = Date.parse('2026-02-01T15:00:00Z');
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const spend = (amount: string, categoryId: string, bookedOn: string) =>
      client.call(CREATE, { input: { amount, categoryId, bookedOn } });

    // A new account: nothing to explain yet, but no error.
    const empty = (await client.call<{ spendingInsights: Insights }>(INSIGHTS)).spendingInsights;
    expect(empty).toMatchObject({
      month: '2026-02',
      isInProgress: true,
      total: { amount: '0.00', currency: 'USD' },
      breakdown: [],
      trends: [],
      anomalies: { method: 'NOT_ENOUGH_DATA', daysInNorm: 0, days: [] },
      drift: { previousMonth: '2026-01', distanceBasisPoints: null },
    });
    expect(empty.health?.components.map((c) => c.kind)).toEqual([
      'SAVINGS',
      'DAYS_WITHIN_BUDGET',
      'BILLS',
      'BUFFER',
    ]);

    // February: groceries and dining out half and half; rent paid.
    await spend('1500.00', 'rent', '2026-02-01');
    for (const day of ['02', '09', '16']) {
      await spend('50.00', 'groceries', `2026-02-${day}`);
      await spend('50.00', 'dining_out', `2026-02-${day}`);
    }
    now = Date.parse('2026-03-20T15:00:00Z');
    // March: groceries most days, one big night out, a savings transfer that is not spending.
    for (let day = 1; day <= 12; day += 1)
      await spend(`${20 + (day % 4)}.00`, 'groceries', `2026-03-${String(day).padStart(2, '0')}`);
    await spend('400.00', 'dining_out', '2026-03-14');
    await spend('100.00', 'savings', '2026-03-15');

    const march = (await client.call<{ spendingInsights: Insights }>(INSIGHTS)).spendingInsights;
    expect(march).toMatchObject({ month: '2026-03', today: '2026-03-20', isInProgress: true });
    // 12 days of groceries: 3 × (21 + 22 + 23 + 20) = 258.00; dining 400.00.
    expect(march.total.amount).toBe('658.00');
    expect(march.breakdown.map((b) => [b.categoryId, b.amount.amount, b.shareBasisPoints])).toEqual(
      [
        ['dining_out', '400.00', 6079],
        ['groceries', '258.00', 3921],
      ],
    );
    expect(march.trendMonths).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    const trend = (id: string) => march.trends.find((t) => t.categoryId === id);
    // Against 1–20 February: groceries 150.00 → 258.00, dining 150.00 → 400.00, rent 1500 → 0.
    expect(trend('groceries')).toMatchObject({
      previous: { amount: '150.00' },
      change: { amount: '108.00' },
      direction: 'UP',
    });
    expect(trend('rent')).toMatchObject({ current: { amount: '0.00' }, direction: 'DOWN' });
    // The 14th's dinner stands out against the person's ordinary spending days.
    expect(march.anomalies.method).toBe('MEDIAN_MAD');
    expect(march.anomalies.days.map((d) => [d.date, d.amount.amount])).toEqual([
      ['2026-03-14', '400.00'],
    ]);
    expect(march.drift.previousMonth).toBe('2026-02');
    expect(march.drift.distanceBasisPoints).toBeGreaterThan(0);
    expect(march.pace).toMatchObject({
      elapsedDays: 20,
      planDays: 31,
      spent: { amount: '658.00' },
    });
    expect(march.health?.score).toEqual(expect.any(Number));
    for (const c of march.health?.components ?? [])
      expect(c.explanation.length).toBeGreaterThan(10);

    // A finished month reads whole.
    const february = (
      await client.call<{ spendingInsights: Insights }>(INSIGHTS, { month: '2026-02' })
    ).spendingInsights;
    expect(february).toMatchObject({ isInProgress: false, total: { amount: '1800.00' } });

    // Months out of range are refused with their reason; other people cannot be read.
    for (const month of ['2026-04', '2024-02']) {
      const refused = await client.raw(INSIGHTS, { month });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.extensions?.reason).toBe('ANALYTICS_MONTH_OUT_OF_RANGE');
    }
    const stranger = budgetClient(api, await signUp(api));
    const notOnboarded = await stranger.raw(INSIGHTS);
    expect(notOnboarded.errors?.[0]?.extensions?.reason).toBe('ONBOARDING_REQUIRED');
    await stranger.call(ONBOARD, { input: US_ONBOARDING });
    expect(
      (await stranger.call<{ spendingInsights: Insights }>(INSIGHTS)).spendingInsights.breakdown,
    ).toEqual([]);

    // Analytics need read:analytics.
    const narrow = await accessTokenWithScopes(api, user.userId, ['read:budget']);
    expect(errorCodes(await api.graphql(INSIGHTS, {}, bearer(narrow)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await api.graphql(PEERS, {}, bearer(narrow)))).toEqual(['FORBIDDEN']);
  });

  it('compares with peers only from 20 others in the band and region, never one peer’s share', async () => {
    now = Date.parse('2026-03-02T15:00:00Z');
    // Vermont has no profile of its own: its group is (USD, US-VT, middle) and no other test's.
    const onboarding = { ...US_ONBOARDING, region: 'US-VT', income: '5000.00' };
    const viewer = budgetClient(api, await signUp(api));
    await viewer.call(ONBOARD, { input: onboarding });
    await viewer.call(CREATE, {
      input: { amount: '90.00', categoryId: 'groceries', bookedOn: '2026-03-02' },
    });
    await viewer.call(CREATE, {
      input: { amount: '10.00', categoryId: 'dining_out', bookedOn: '2026-03-02' },
    });
    const peerSpending: Array<Map<string, number>> = [];
    const addPeer = async (i: number) => {
      const peer = budgetClient(api, await signUp(api));
      await peer.call(ONBOARD, { input: onboarding });
      const groceries = 1000 + 50 * i * i;
      const dining = 500 + 11 * i;
      for (const [categoryId, minor] of [
        ['groceries', groceries],
        ['dining_out', dining],
      ] as const)
        await peer.call(CREATE, {
          input: { amount: (minor / 100).toFixed(2), categoryId, bookedOn: '2026-03-02' },
        });
      peerSpending.push(
        new Map([
          ['groceries', groceries],
          ['dining_out', dining],
        ]),
      );
    };
    // Someone in another band never counts.
    const richer = budgetClient(api, await signUp(api));
    await richer.call(ONBOARD, { input: { ...onboarding, income: '20000.00' } });
    await richer.call(CREATE, {
      input: { amount: '5.00', categoryId: 'groceries', bookedOn: '2026-03-02' },
    });
    for (let i = 0; i < 19; i += 1) await addPeer(i);

    const few = (await viewer.call<{ peerComparison: Peers }>(PEERS)).peerComparison;
    expect(few).toEqual({
      month: '2026-03',
      status: 'NOT_ENOUGH_PEERS',
      neededPeers: 20,
      incomeBand: 'MIDDLE',
      region: 'US-VT',
      categories: [],
    });

    await addPeer(19);
    const enough = (await viewer.call<{ peerComparison: Peers }>(PEERS)).peerComparison;
    expect(enough.status).toBe('REPORTED');
    expect(
      enough.categories.map((c) => [c.categoryId, c.yourShareBasisPoints, c.position]),
    ).toEqual([
      ['groceries', 9000, 'WITHIN'],
      ['dining_out', 1000, 'WITHIN'],
    ]);
    const peerShares = peerSpending.map(sharesInBasisPoints);
    for (const c of enough.categories) {
      expect(c.lowerQuartileBasisPoints).toBeLessThanOrEqual(c.medianBasisPoints);
      expect(c.medianBasisPoints).toBeLessThanOrEqual(c.upperQuartileBasisPoints);
      for (const figure of [
        c.lowerQuartileBasisPoints,
        c.medianBasisPoints,
        c.upperQuartileBasisPoints,
      ])
        expect(peerShares.some((s) => s.get(c.categoryId) === figure)).toBe(false);
    }
  });
});
