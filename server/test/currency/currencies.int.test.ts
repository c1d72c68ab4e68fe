import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsSent } from '../../src/features/budget/alert.table';
import { fetchReferenceRatesJob, fxRates } from '../../src/features/currency';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  SERVER_DIR,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import {
  budgetClient,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from '../budget/budget-client';

const FIXTURE = path.join(SERVER_DIR, 'src/infra/fx/fixtures/eurofxref-hist-sample.xml');
// Monday 7 December 2026, morning in Berlin; the stand-in feed's last day is Friday the 4th.
let nowIso = '2026-12-07T09:00:00Z';
const clock = { now: () => new Date(nowIso) };

const EUR_ONBOARDING = {
  ...US_ONBOARDING,
  currency: 'EUR',
  region: 'DE',
  timeZone: 'Europe/Berlin',
  income: '4000.00',
  bills: [{ name: 'Rent', amount: '1200.00', dueDay: 1, categoryId: 'rent' }],
  savingsTarget: '300.00',
};

const FIELDS = `id version bookedOn amount { amount currency } paidAmount { amount currency }
  rate rateOn rateSource rateEstimated description`;
const CREATE = `mutation C($input: CreateTransactionInput!) {
  createTransaction(input: $input) { transaction { ${FIELDS} } } }`;
const UPDATE = `mutation U($input: UpdateTransactionInput!) {
  updateTransaction(input: $input) { conflict transaction { ${FIELDS} } } }`;
const SET_RATE = `mutation S($input: SetExchangeRateInput!) {
  setExchangeRate(input: $input) { exchangeRate { fromCurrency toCurrency rateOn rate source } } }`;
const RATES = `query R($currency: CurrencyCode!, $from: Date!, $to: Date!) {
  exchangeRates(currency: $currency, from: $from, to: $to) { fromCurrency toCurrency rateOn rate source } }`;
const CHANGES = `{ changes { changes { kind transaction { id paidAmount { amount currency } rate rateOn rateSource } } } }`;

interface Tx {
  id: string;
  version: number;
  bookedOn: string;
  amount: { amount: string; currency: string };
  paidAmount: { amount: string; currency: string } | null;
  rate: string | null;
  rateOn: string | null;
  rateSource: string | null;
  rateEstimated: boolean;
  description: string;
}
type Created = { createTransaction: { transaction: Tx } };
type Updated = { updateTransaction: { conflict: boolean; transaction: Tx } };

const cents = (amount: string) => Math.round(Number(amount) * 100);

let feed: Server;
let api: TestApi;

beforeAll(async () => {
  const xml = await readFile(FIXTURE, 'utf8');
  // A stand-in for the ECB: this machine cannot reach ecb.europa.eu.
  feed = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(xml);
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  const port = (feed.address() as AddressInfo).port;
  api = await startTestApi({
    clock,
    config: { FX_ECB_URL: `http://127.0.0.1:${port}/stats/eurofxref/eurofxref-hist-90d.xml` },
  });
  // The scheduled job fetches and stores the feed (through BullMQ in the distributed mode).
  await api.container.queue.enqueue(fetchReferenceRatesJob, { slot: 'test' });
  const db = api.container.database.db;
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    if ((await db.select().from(fxRates)).length >= 10) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  await api?.stop();
  feed?.closeAllConnections();
  await new Promise((resolve) => feed?.close(resolve));
});

async function onboarded(input: Record<string, unknown>) {
  const user = await signUp(api);
  const client = budgetClient(api, user);
  await client.call(ONBOARD, { input });
  return { user, client };
}

describe(`transactions paid in another currency (${TEST_MODE})`, () => {
  it('stores the ECB feed the job fetched, cross rates from the euro', async () => {
    const rows = await api.container.database.db.select().from(fxRates);
    expect(rows).toHaveLength(10);
    expect(rows).toContainEqual(
      expect.objectContaining({ base: 'EUR', quote: 'JPY', rateOn: '2026-12-04', rate: '162.18' }),
    );
    // Fetched again: the days are overwritten, nothing doubles.
    await api.container.services.exchangeRates.refreshPublished();
    expect(await api.container.database.db.select().from(fxRates)).toHaveLength(10);
  });

  it('fetches the feed once when a new server starts, without waiting 4 hours for the schedule', async () => {
    const port = (feed.address() as AddressInfo).port;
    const fresh = await startTestApi({
      clock,
      config: { FX_ECB_URL: `http://127.0.0.1:${port}/stats/eurofxref/eurofxref-hist-90d.xml` },
    });
    try {
      const db = fresh.container.database.db;
      let rows = 0;
      const deadline = Date.now() + 20_000;
      while (rows < 10 && Date.now() < deadline) {
        rows = (await db.select().from(fxRates)).length;
        if (rows < 10) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(rows).toBe(10);
    } finally {
      await fresh.stop();
    }
  });

  it('converts a JPY expense in a EUR budget at its date’s rate, to the cent, and again when its date changes', async () => {
    // Onboarded on the 1st, so the plan (and the month's spending) covers every day of December.
    nowIso = '2026-12-01T09:00:00Z';
    const { user } = await onboarded(EUR_ONBOARDING);
    nowIso = '2026-12-07T09:00:00Z';
    const accessToken = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    const client = budgetClient(api, { ...user, accessToken });
    // ¥1,200 on Friday the 4th: 1 / 162.18 = 0.006165988408 (ten digits), × 1200 = 7.3991… → €7.40.
    const friday = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '1200',
        paidCurrency: 'JPY',
        categoryId: 'dining_out',
        bookedOn: '2026-12-04',
      },
    });
    expect(friday.createTransaction.transaction).toMatchObject({
      amount: { amount: '7.40', currency: 'EUR' },
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.006165988408',
      rateOn: '2026-12-04',
      rateSource: 'ECB',
      rateEstimated: false,
    });
    // Sunday has no ECB rate: Friday's is used, and the transaction says so.
    const sunday = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '800',
        paidCurrency: 'JPY',
        categoryId: 'groceries',
        bookedOn: '2026-12-06',
      },
    });
    expect(sunday.createTransaction.transaction).toMatchObject({
      amount: { amount: '4.93' }, // 800 × 0.006165988408 = 4.9327…
      rateOn: '2026-12-04',
      rateEstimated: true,
    });
    // A plain euro expense beside them.
    await client.call(CREATE, {
      input: { amount: '12.34', categoryId: 'groceries', bookedOn: '2026-12-05' },
    });

    // Editing the date converts again at the new date's rate: 1 / 161.5 → €7.43.
    const moved = await client.call<Updated>(UPDATE, {
      input: {
        id: friday.createTransaction.transaction.id,
        baseVersion: 1,
        bookedOn: '2026-12-02',
      },
    });
    const movedTx = moved.updateTransaction.transaction;
    expect(movedTx).toMatchObject({
      amount: { amount: '7.43' },
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.006191950464',
      rateOn: '2026-12-02',
      rateEstimated: false,
    });

    // The person's rate of the 2nd arrives later: editing another field keeps the stored rate…
    await client.call(SET_RATE, {
      input: { fromCurrency: 'JPY', rateOn: '2026-12-02', rate: '0.0065' },
    });
    const described = await client.call<Updated>(UPDATE, {
      input: { id: movedTx.id, baseVersion: movedTx.version, description: 'ramen' },
    });
    expect(described.updateTransaction.transaction).toMatchObject({
      amount: { amount: '7.43' },
      rate: '0.006191950464',
      rateSource: 'ECB',
    });
    // …editing the paid amount converts again, and the person's rate wins over the ECB's that day.
    const repriced = await client.call<Updated>(UPDATE, {
      input: { id: movedTx.id, baseVersion: movedTx.version + 1, paidAmount: '2000' },
    });
    expect(repriced.updateTransaction.transaction).toMatchObject({
      amount: { amount: '13.00' },
      paidAmount: { amount: '2000', currency: 'JPY' },
      rate: '0.0065',
      rateSource: 'MANUAL',
    });

    // The month adds up exactly: 13.00 + 4.93 + 12.34, the days sum to the month.
    const month = (await client.call<MonthResult>(MONTH, { month: '2026-12' })).budgetMonth;
    expect(cents(month.totals.spent.amount)).toBe(1300 + 493 + 1234);
    const daySpent = month.days.flatMap((day) =>
      day.categories.map((category) => cents(category.spent.amount)),
    );
    expect(daySpent.reduce((a, b) => a + b, 0)).toBe(1300 + 493 + 1234);
    const categorySpent = month.categories.map((category) => cents(category.spent.amount));
    expect(categorySpent.reduce((a, b) => a + b, 0)).toBe(1300 + 493 + 1234);
    expect(month.categories.find((c) => c.categoryId === 'dining_out')?.spent.amount).toBe('13.00');

    // Devices learn the paid amount and rate through changes(since).
    const changes = await client.call<{
      changes: {
        changes: Array<{ kind: string; transaction: (Partial<Tx> & { id: string }) | null }>;
      };
    }>(CHANGES);
    expect(
      changes.changes.changes.find((change) => change.transaction?.id === movedTx.id)?.transaction,
    ).toMatchObject({
      paidAmount: { amount: '2000', currency: 'JPY' },
      rate: '0.0065',
      rateOn: '2026-12-02',
      rateSource: 'MANUAL',
    });

    // The rates of the week, the person's own winning on its day.
    const rates = await client.call<{ exchangeRates: unknown[] }>(RATES, {
      currency: 'JPY',
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(rates.exchangeRates).toEqual(
      [
        {
          fromCurrency: 'JPY',
          toCurrency: 'EUR',
          rateOn: '2026-12-02',
          rate: '0.0065',
          source: 'MANUAL',
        },
        {
          fromCurrency: 'JPY',
          toCurrency: 'EUR',
          rateOn: '2026-12-03',
          rate: '0.006175126590',
          source: 'ECB',
        },
        {
          fromCurrency: 'JPY',
          toCurrency: 'EUR',
          rateOn: '2026-12-04',
          rate: '0.006165988408',
          source: 'ECB',
        },
      ].map((rate) => ({ ...rate, rate: rate.rate.replace(/0+$/, '') })),
    );
  });

  it('refuses an amount no rate is known for, with EXCHANGE_RATE_UNKNOWN and nothing written', async () => {
    const { client } = await onboarded(EUR_ONBOARDING);
    for (const input of [
      { paidAmount: '500', paidCurrency: 'JPY', categoryId: 'groceries', bookedOn: '2026-11-30' },
      { paidAmount: '50000', paidCurrency: 'VND', categoryId: 'groceries', bookedOn: '2026-12-04' },
    ]) {
      const response = await client.raw(CREATE, { input });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EXCHANGE_RATE_UNKNOWN',
      });
    }
    const month = (await client.call<MonthResult>(MONTH, { month: '2026-12' })).budgetMonth;
    expect(month.totals.spent.amount).toBe('0.00');
    // With the person's own earlier rate it converts, marked as estimated.
    await client.call(SET_RATE, {
      input: { fromCurrency: 'VND', toCurrency: 'EUR', rateOn: '2026-12-01', rate: '0.000036' },
    });
    const converted = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '50000',
        paidCurrency: 'VND',
        categoryId: 'groceries',
        bookedOn: '2026-12-04',
      },
    });
    expect(converted.createTransaction.transaction).toMatchObject({
      amount: { amount: '1.80' },
      rateOn: '2026-12-01',
      rateSource: 'MANUAL',
      rateEstimated: true,
    });
  });

  it('keeps one person’s rates to that person, and crosses through the euro for a USD budget', async () => {
    const first = await onboarded(EUR_ONBOARDING);
    await first.client.call(SET_RATE, {
      input: { fromCurrency: 'JPY', toCurrency: 'USD', rateOn: '2026-12-04', rate: '0.01' },
    });
    const { client } = await onboarded({ ...US_ONBOARDING });
    // 1.0512 / 162.18 = 0.006481687014; ¥1,200 → $7.7780… → $7.78.
    const made = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '1200',
        paidCurrency: 'JPY',
        categoryId: 'dining_out',
        bookedOn: '2026-12-04',
      },
    });
    expect(made.createTransaction.transaction).toMatchObject({
      amount: { amount: '7.78', currency: 'USD' },
      rate: '0.006481687014',
      rateSource: 'ECB',
    });
    const rates = await client.call<{ exchangeRates: Array<{ source: string }> }>(RATES, {
      currency: 'JPY',
      from: '2026-12-04',
      to: '2026-12-04',
    });
    expect(rates.exchangeRates.map((rate) => rate.source)).toEqual(['ECB']);
  });

  it('takes a statement’s rate, keeps old clients working, and refuses unclear input', async () => {
    const { client } = await onboarded(EUR_ONBOARDING);
    const statement = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '1200',
        paidCurrency: 'JPY',
        paidRate: '0.0062',
        categoryId: 'dining_out',
        bookedOn: '2026-12-04',
      },
    });
    const tx = statement.createTransaction.transaction;
    expect(tx).toMatchObject({
      amount: { amount: '7.44' },
      rate: '0.0062',
      rateSource: 'STATEMENT',
    });
    // A new paid amount keeps the statement's rate (same line, same day).
    const edited = await client.call<Updated>(UPDATE, {
      input: { id: tx.id, baseVersion: 1, paidAmount: '1500' },
    });
    expect(edited.updateTransaction.transaction).toMatchObject({
      amount: { amount: '9.30' },
      rate: '0.0062',
      rateSource: 'STATEMENT',
    });
    // An old client sends back the amount it was shown: nothing about the conversion changes.
    const resent = await client.call<Updated>(UPDATE, {
      input: { id: tx.id, baseVersion: 2, amount: '9.30', description: 'sushi' },
    });
    expect(resent.updateTransaction.transaction).toMatchObject({
      amount: { amount: '9.30' },
      paidAmount: { amount: '1500', currency: 'JPY' },
    });
    // A different amount in the budget currency makes it a plain euro transaction.
    const plain = await client.call<Updated>(UPDATE, {
      input: { id: tx.id, baseVersion: 3, amount: '9.00' },
    });
    expect(plain.updateTransaction.transaction).toMatchObject({
      amount: { amount: '9.00' },
      paidAmount: null,
      rate: null,
      rateOn: null,
      rateSource: null,
      rateEstimated: false,
    });
    const refused = [
      { amount: '1200', currency: 'JPY', categoryId: 'groceries' },
      { paidAmount: '1200', categoryId: 'groceries' },
      { amount: '7.00', paidAmount: '1200', paidCurrency: 'JPY', categoryId: 'groceries' },
      { paidAmount: '12.5', paidCurrency: 'JPY', categoryId: 'groceries' },
      { paidAmount: '1', paidCurrency: 'JPY', paidRate: '0.001', categoryId: 'groceries' },
    ];
    for (const input of refused) {
      const response = await client.raw(CREATE, { input });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    const badRates = [
      { fromCurrency: 'EUR', rateOn: '2026-12-04', rate: '1' },
      { fromCurrency: 'JPY', rateOn: '2026-12-04', rate: '0' },
      { fromCurrency: 'JPY', rateOn: '2026-12-04', rate: '0.0000000000001' },
    ];
    for (const input of badRates) {
      const response = await client.raw(SET_RATE, { input });
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'EXCHANGE_RATE_INVALID',
      });
    }
    const longRange = await client.raw(RATES, {
      currency: 'JPY',
      from: '2025-01-01',
      to: '2026-12-04',
    });
    expect(longRange.errors?.[0]?.extensions?.reason).toBe('EXCHANGE_RATE_INVALID');
  });

  it('compares large-transaction alerts in the budget currency', async () => {
    const { user, client } = await onboarded(EUR_ONBOARDING);
    // ¥30,000 is €184.98: under the €200 default. ¥40,000 is €246.64: over it.
    const under = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '30000',
        paidCurrency: 'JPY',
        categoryId: 'gadgets',
        bookedOn: '2026-12-04',
      },
    });
    const over = await client.call<Created>(CREATE, {
      input: {
        paidAmount: '40000',
        paidCurrency: 'JPY',
        categoryId: 'gadgets',
        bookedOn: '2026-12-04',
      },
    });
    expect(under.createTransaction.transaction.amount.amount).toBe('184.98');
    expect(over.createTransaction.transaction.amount.amount).toBe('246.64');
    const db = api.container.database.db;
    const sent = async (id: string) =>
      db
        .select()
        .from(alertsSent)
        .where(and(eq(alertsSent.userId, user.userId), eq(alertsSent.key, `large:${id}`)));
    expect(await sent(under.createTransaction.transaction.id)).toHaveLength(0);
    expect(await sent(over.createTransaction.transaction.id)).toHaveLength(1);
  });
});
