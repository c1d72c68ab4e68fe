import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
} from '../kit';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const clock = { now: () => new Date('2026-12-07T09:00:00Z') };

const EUR_ONBOARDING = {
  ...US_ONBOARDING,
  currency: 'EUR',
  region: 'DE',
  timeZone: 'Europe/Berlin',
  income: '4000.00',
  bills: [{ name: 'Rent', amount: '1200.00', dueDay: 1, categoryId: 'rent' }],
  savingsTarget: '300.00',
};

const SET_RATE = `mutation S($input: SetExchangeRateInput!) {
  setExchangeRate(input: $input) { exchangeRate { rate } } }`;
const CHANGES = `query C($since: String) { changes(since: $since) { cursor changes {
  kind id deleted exchangeRate { fromCurrency toCurrency rateOn rate source } } } }`;

interface Changes {
  changes: {
    cursor: string;
    changes: {
      kind: string;
      id: string;
      deleted: boolean;
      exchangeRate: {
        fromCurrency: string;
        toCurrency: string;
        rateOn: string;
        rate: string;
        source: string;
      } | null;
    }[];
  };
}

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ clock, config: { FX_ECB_URL: '' } });
});

afterAll(async () => {
  await api?.stop();
});

describe(`entered exchange rates sync to the person's devices (${TEST_MODE})`, () => {
  it('lists a rate set on one device in another device’s changes, and a replaced rate again', async () => {
    const user = await signUp(api);
    const phone = budgetClient(api, user);
    await phone.call(ONBOARD, { input: EUR_ONBOARDING });
    // The laptop: another session of the same person.
    const laptopToken = await accessTokenWithScopes(api, user.userId, ALL_SCOPES);
    const laptop = async (since: string | null) => {
      const response = await api.graphql<Changes>(CHANGES, { since }, bearer(laptopToken));
      expect(response.errors).toBeUndefined();
      return response.data!.changes;
    };
    const before = await laptop(null);
    expect(before.changes.filter((c) => c.kind === 'EXCHANGE_RATE')).toEqual([]);

    await phone.call(SET_RATE, {
      input: { fromCurrency: 'JPY', rateOn: '2026-12-05', rate: '0.0062' },
    });
    const first = await laptop(before.cursor);
    const rates = first.changes.filter((c) => c.kind === 'EXCHANGE_RATE');
    expect(rates).toEqual([
      {
        kind: 'EXCHANGE_RATE',
        id: expect.any(String),
        deleted: false,
        exchangeRate: {
          fromCurrency: 'JPY',
          toCurrency: 'EUR',
          rateOn: '2026-12-05',
          rate: '0.0062',
          source: 'MANUAL',
        },
      },
    ]);
    // Nothing new: nothing listed again.
    expect((await laptop(first.cursor)).changes).toEqual([]);

    // The same pair and day entered again replaces the rate: the same record comes again.
    await phone.call(SET_RATE, {
      input: { fromCurrency: 'JPY', rateOn: '2026-12-05', rate: '0.00615' },
    });
    const second = await laptop(first.cursor);
    expect(second.changes).toEqual([
      expect.objectContaining({
        kind: 'EXCHANGE_RATE',
        id: rates[0]!.id,
        exchangeRate: expect.objectContaining({ rate: '0.00615', rateOn: '2026-12-05' }),
      }),
    ]);

    // Another person never sees them.
    const other = await signUp(api);
    const otherClient = budgetClient(api, other);
    await otherClient.call(ONBOARD, { input: EUR_ONBOARDING });
    const theirs = await otherClient.call<Changes>(CHANGES, { since: null });
    expect(theirs.changes.changes.filter((c) => c.kind === 'EXCHANGE_RATE')).toEqual([]);
  });
});
