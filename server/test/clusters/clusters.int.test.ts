import { addDays, weekdayOf } from '@pace/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { budgetClient, CREATE, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const CLUSTERS = `{ spendingClusters {
  state status computedAt transactionCount dayCount neededTransactions from to silhouette
  candidates { k silhouette }
  clusters { name dominantCategoryId dominantCategoryName dayKind ticketSize activity dayCount
    transactionCount total { amount currency } averageTicket { amount } transactionsPerDay
    weekendShareBasisPoints topCategories { categoryId categoryName amount { amount } shareBasisPoints } }
} }`;

interface Clusters {
  state: 'READY' | 'COMPUTING';
  status: 'OK' | 'NOT_ENOUGH_DATA' | null;
  computedAt: string | null;
  transactionCount: number;
  dayCount: number;
  neededTransactions: number;
  candidates: Array<{ k: number; silhouette: number }>;
  clusters: Array<{
    name: string;
    dominantCategoryId: string;
    dayKind: string;
    ticketSize: string;
    dayCount: number;
    transactionCount: number;
    total: { amount: string; currency: string };
  }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`spending clusters (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock: fixedClock('2026-03-31T15:00:00Z') });
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** An onboarded person with a premium token (every scope). */
  async function premiumPerson() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const token = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    const read = async () =>
      (await api.graphql<{ spendingClusters: Clusters }>(CLUSTERS, {}, bearer(token))).data
        ?.spendingClusters;
    return { user, client, read };
  }

  /** Reads until the job has stored the clusters of the current ledger. */
  async function readWhenReady(read: () => Promise<Clusters | undefined>): Promise<Clusters> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const result = await read();
      if (result?.state === 'READY') return result;
      await sleep(50);
    }
    throw new Error('spending clusters never became READY');
  }

  /** Four weeks of March: two small grocery runs every weekday, one large dinner out each weekend day. */
  async function spendFourWeeks(user: TestUser) {
    const client = budgetClient(api, user);
    for (let d = 0; d < 28; d += 1) {
      const bookedOn = addDays('2026-03-02', d);
      const weekend = [0, 6].includes(weekdayOf(bookedOn));
      const cents = (base: number, spread: number) => (base + ((d * spread) % 300)) / 100;
      const entries: Array<[string, number]> = weekend
        ? [['dining_out', cents(6000, 53)]]
        : [
            ['groceries', cents(800, 37)],
            ['groceries', cents(800, 71)],
          ];
      for (const [categoryId, amount] of entries)
        await client.call(CREATE, { input: { amount: amount.toFixed(2), categoryId, bookedOn } });
    }
  }

  it('is computed by the job, not on the request, and kept until the ledger changes', async () => {
    const { user, client, read } = await premiumPerson();

    // Nothing stored yet: the read queues the job and answers at once.
    const first = await read();
    expect(first).toMatchObject({ state: 'COMPUTING', status: null, clusters: [] });
    const empty = await readWhenReady(read);
    expect(empty).toMatchObject({
      status: 'NOT_ENOUGH_DATA',
      transactionCount: 0,
      neededTransactions: 30,
      clusters: [],
    });

    await spendFourWeeks(user);
    // The ledger changed: the stored result is stale until the job has run again.
    expect((await read())?.state).toBe('COMPUTING');
    const ready = await readWhenReady(read);
    expect(ready).toMatchObject({ status: 'OK', transactionCount: 48, dayCount: 28 });
    expect(ready.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    expect(
      ready.clusters.map((c) => [
        c.name,
        c.dominantCategoryId,
        c.dayKind,
        c.ticketSize,
        c.dayCount,
      ]),
    ).toEqual([
      // Largest spending first: 8 dinners of about 63.00 against 40 grocery runs of about 9.50.
      ['Large weekend dining out', 'dining_out', 'WEEKEND', 'LARGE', 8],
      ['Small weekday groceries', 'groceries', 'WEEKDAY', 'SMALL', 20],
    ]);
    expect(ready.clusters[0]?.total.currency).toBe('USD');

    // Cached: the same result, not recomputed.
    const again = await read();
    expect(again).toEqual(ready);

    // One more expense: computed again, counting it.
    await client.call(CREATE, {
      input: { amount: '7.50', categoryId: 'coffee', bookedOn: '2026-03-30' },
    });
    expect((await read())?.state).toBe('COMPUTING');
    expect((await readWhenReady(read)).transactionCount).toBe(49);
  });

  it('is premium only, and one person never sees another’s clusters', async () => {
    const standard = await signUp(api);
    const refused = await api.graphql(CLUSTERS, {}, bearer(standard.accessToken));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const spender = await premiumPerson();
    await spendFourWeeks(spender.user);
    expect((await readWhenReady(spender.read)).status).toBe('OK');
    const other = await premiumPerson();
    expect(await readWhenReady(other.read)).toMatchObject({
      status: 'NOT_ENOUGH_DATA',
      transactionCount: 0,
      clusters: [],
    });
  });

  it('needs onboarding', async () => {
    const user = await signUp(api);
    const token = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    const response = await api.graphql(CLUSTERS, {}, bearer(token));
    expect(response.errors?.[0]?.extensions?.reason).toBe('ONBOARDING_REQUIRED');
  });
});
