import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';
import { householdOfThree } from '../households/household-client';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * A household's shared budget converts paid amounts with the rates its people entered: the
 * owner's, then the members' (a VIEWER's never), the latest day first and the owner's on a day
 * (docs/households.md, docs/currencies.md §3).
 */

// 10:00 in New York on 10 March.
const clock = { now: () => new Date('2026-03-10T15:00:00Z') };
const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';

const LEAVE = `mutation { leaveHousehold { left } }`;
const SET_RATE = `mutation($input: SetExchangeRateInput!) {
  setExchangeRate(input: $input) { exchangeRate { fromCurrency toCurrency rateOn rate } } }`;
const RATES = `query($currency: CurrencyCode!, $from: Date!, $to: Date!) {
  exchangeRates(currency: $currency, from: $from, to: $to) { toCurrency rateOn rate source enteredByYou } }`;
const CREATE = `mutation($input: CreateTransactionInput!) {
  createTransaction(input: $input) { transaction { amount { amount currency } rate rateOn rateSource rateEstimated } } }`;

interface Booked {
  amount: { amount: string; currency: string };
  rate: string;
  rateOn: string;
  rateSource: string;
  rateEstimated: boolean;
}

describe(`exchange rates of a household's shared budget (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const as = (user: TestUser) => budgetClient(api, user);

  const household = () => householdOfThree(api);

  const setRate = (user: TestUser, rateOn: string, rate: string) =>
    as(user).call<{ setExchangeRate: { exchangeRate: { toCurrency: string } } }>(SET_RATE, {
      input: { fromCurrency: 'JPY', rateOn, rate },
    });

  /** ¥1,200 booked today into the shared budget by `user`. */
  const ramen = (user: TestUser) =>
    as(user).raw<{ createTransaction: { transaction: Booked } }>(CREATE, {
      input: { paidAmount: '1200', paidCurrency: 'JPY', categoryId: 'dining_out' },
    });

  async function booked(user: TestUser): Promise<Booked> {
    const response = await ramen(user);
    expect(response.errors).toBeUndefined();
    const transaction = response.data?.createTransaction.transaction;
    if (!transaction) throw new Error('nothing booked');
    return transaction;
  }

  it('converts with a member’s rate; the shared budget’s currency is the rate’s by default', async () => {
    const { owner, member } = await household();
    // The member has no budget of their own: their rate is into the shared budget's currency.
    const entered = await setRate(member, YESTERDAY, '0.0065');
    expect(entered.setExchangeRate.exchangeRate.toCurrency).toBe('USD');
    for (const person of [owner, member])
      expect(await booked(person)).toMatchObject({
        amount: { amount: '7.80', currency: 'USD' },
        rate: '0.0065',
        rateOn: YESTERDAY,
        rateSource: 'MANUAL',
        rateEstimated: true,
      });
    // Both read the rates the shared budget converts with; only the member's is theirs.
    for (const person of [owner, member]) {
      const { exchangeRates } = await as(person).call<{
        exchangeRates: Array<{ rateOn: string; rate: string }>;
      }>(RATES, { currency: 'JPY', from: YESTERDAY, to: TODAY });
      expect(exchangeRates).toEqual([
        {
          toCurrency: 'USD',
          rateOn: YESTERDAY,
          rate: '0.0065',
          source: 'MANUAL',
          enteredByYou: person === member,
        },
      ]);
    }
  });

  it('takes the latest day first, and on one day the owner’s rate over a member’s', async () => {
    const { owner, member } = await household();
    await setRate(owner, YESTERDAY, '0.006');
    await setRate(member, YESTERDAY, '0.0065');
    // Yesterday: the owner's rate wins over the member's.
    expect(await booked(member)).toMatchObject({ amount: { amount: '7.20' }, rate: '0.006' });
    // A member's rate of today is newer than any of yesterday's: it is used.
    await setRate(member, TODAY, '0.007');
    expect(await booked(owner)).toMatchObject({
      amount: { amount: '8.40' },
      rate: '0.007',
      rateOn: TODAY,
      rateEstimated: false,
    });
    // The owner's rate of today then wins on that day.
    await setRate(owner, TODAY, '0.0068');
    expect(await booked(member)).toMatchObject({ amount: { amount: '8.16' }, rate: '0.0068' });
  });

  it('never converts with a viewer’s rate, nor with the rate of someone who left', async () => {
    const { owner, member, viewer } = await household();
    await setRate(viewer, YESTERDAY, '0.0065');
    expect(errorCodes(await ramen(owner))).toEqual(['BAD_USER_INPUT']);

    await setRate(member, YESTERDAY, '0.0066');
    expect(await booked(owner)).toMatchObject({ amount: { amount: '7.92' }, rate: '0.0066' });
    await as(member).call(LEAVE);
    expect(errorCodes(await ramen(owner))).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps a person outside a household on their own rates only', async () => {
    const { member } = await household();
    await setRate(member, YESTERDAY, '0.0065');
    const stranger = await signUp(api);
    await as(stranger).call(ONBOARD, { input: US_ONBOARDING });
    expect(errorCodes(await ramen(stranger))).toEqual(['BAD_USER_INPUT']);
    await setRate(stranger, YESTERDAY, '0.0061');
    expect(await booked(stranger)).toMatchObject({ amount: { amount: '7.32' }, rate: '0.0061' });
  });
});
