import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenWithScopes,
  ALL_SCOPES,
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type GraphQLResponse,
  type TestApi,
} from '../kit';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const clock = { now: () => new Date('2026-03-10T15:00:00Z') };

const PLAN = `query Plan($input: InstallmentPlanInput!) {
  installmentPlan(input: $input) {
    principal { amount currency } apr months
    monthlyPayment { amount currency } lastPayment { amount } totalInterest { amount } totalPaid { amount }
    schedule { number dueOn payment { amount } interest { amount } principal { amount } balance { amount } }
    verdict {
      level monthlyIncome { amount currency } existingInstalments { amount } paymentShare debtToIncome
      reasons { code level ratio amount { amount } message }
    }
  }
}`;
const CREATE_RECURRING = `mutation R($input: CreateRecurringTransactionInput!) { createRecurringTransaction(input: $input) { id } }`;

interface Row {
  number: number;
  dueOn: string;
  payment: { amount: string };
  interest: { amount: string };
  principal: { amount: string };
  balance: { amount: string };
}
interface PlanData {
  installmentPlan: {
    principal: { amount: string; currency: string };
    apr: string;
    months: number;
    monthlyPayment: { amount: string; currency: string };
    lastPayment: { amount: string };
    totalInterest: { amount: string };
    totalPaid: { amount: string };
    schedule: Row[];
    verdict: {
      level: string;
      monthlyIncome: { amount: string; currency: string };
      existingInstalments: { amount: string };
      paymentShare: string | null;
      debtToIncome: string | null;
      reasons: {
        code: string;
        level: string;
        ratio: string | null;
        amount: { amount: string };
        message: string;
      }[];
    };
  };
}

const reasonsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((e) => String(e.extensions?.reason ?? e.extensions?.code));

describe(`installment calculator (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('computes the schedule exact to the cent and judges it against the plan’s income and debts', async () => {
    const client = budgetClient(api, await signUp(api));
    const before = await client.raw(PLAN, {
      input: { principal: '1000.00', apr: '12', months: 12 },
    });
    expect(reasonsOf(before)).toEqual(['ONBOARDING_REQUIRED']);

    await client.call(ONBOARD, {
      input: {
        ...US_ONBOARDING,
        bills: [
          ...US_ONBOARDING.bills,
          { name: 'Car loan', amount: '300.00', categoryId: 'car_payment' },
        ],
      },
    });
    // A student loan repaid by a recurring expense; the car loan also recurs (counted once).
    for (const [amount, categoryId] of [
      ['200.00', 'loan'],
      ['300.00', 'car_payment'],
    ] as const) {
      await client.call(CREATE_RECURRING, {
        input: { amount, categoryId, frequency: 'MONTHLY', dayNumber: 5, startOn: '2026-04-05' },
      });
    }

    const plan = (
      await client.call<PlanData>(PLAN, {
        input: { principal: '1000.00', apr: '12', months: 12, firstPaymentOn: '2026-03-31' },
      })
    ).installmentPlan;
    expect(plan).toMatchObject({
      principal: { amount: '1000.00', currency: 'USD' },
      apr: '12',
      months: 12,
      monthlyPayment: { amount: '88.85', currency: 'USD' },
      lastPayment: { amount: '88.84' },
      totalInterest: { amount: '66.19' },
      totalPaid: { amount: '1066.19' },
    });
    expect(plan.schedule).toHaveLength(12);
    expect(plan.schedule[0]).toEqual({
      number: 1,
      dueOn: '2026-03-31',
      payment: { amount: '88.85' },
      interest: { amount: '10.00' },
      principal: { amount: '78.85' },
      balance: { amount: '921.15' },
    });
    expect(plan.schedule.map((r) => r.dueOn).slice(0, 3)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    expect(plan.schedule.at(-1)?.balance.amount).toBe('0.00');
    const cents = plan.schedule.reduce(
      (sum, r) => sum + Math.round(Number(r.principal.amount) * 100),
      0,
    );
    expect(cents).toBe(100_000);

    // Income 6000.00; existing debts: the car loan once (bill and recurring) + the student loan.
    expect(plan.verdict).toMatchObject({
      level: 'LOW',
      monthlyIncome: { amount: '6000.00', currency: 'USD' },
      existingInstalments: { amount: '500.00' },
      paymentShare: '1.48',
      debtToIncome: '9.81',
    });
    expect(plan.verdict.reasons.map((r) => [r.code, r.level, r.ratio, r.amount.amount])).toEqual([
      ['DEBT_TO_INCOME', 'LOW', '9.81', '588.85'],
      ['PAYMENT_SHARE', 'LOW', '1.48', '88.85'],
      ['EXISTING_INSTALMENTS', 'LOW', '8.33', '500.00'],
      ['TOTAL_VS_INCOME', 'LOW', '0.18', '1066.19'],
    ]);
    expect(plan.verdict.reasons[0]?.message).toBe(
      'All monthly instalments together (588.85 USD) take 9.81 % of income (above 43 % is high).',
    );

    // 30,000.00 at 24 % over a year: 2836.79 a month, 56 % of income with the other debts.
    const heavy = (
      await client.call<PlanData>(PLAN, {
        input: { principal: '30000.00', apr: '24', months: 12 },
      })
    ).installmentPlan;
    expect(heavy.monthlyPayment.amount).toBe('2836.79');
    expect(heavy.schedule[0]?.dueOn).toBe('2026-04-10'); // default: the same day next month
    expect(heavy.verdict.level).toBe('HIGH');
    expect(heavy.verdict.reasons.slice(0, 2).map((r) => [r.code, r.level])).toEqual([
      ['DEBT_TO_INCOME', 'HIGH'],
      ['PAYMENT_SHARE', 'HIGH'],
    ]);

    const zero = (
      await client.call<PlanData>(PLAN, { input: { principal: '100.00', apr: '0', months: 3 } })
    ).installmentPlan;
    expect(zero.schedule.map((r) => r.payment.amount)).toEqual(['33.34', '33.33', '33.33']);
    expect(zero.totalInterest.amount).toBe('0.00');
  });

  it('refuses bad input with BAD_USER_INPUT, bounded so nothing can stall', async () => {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const ask = async (input: Record<string, unknown>) => {
      const response = await client.raw(PLAN, {
        input: { principal: '1000.00', apr: '12', months: 12, ...input },
      });
      return { codes: errorCodes(response), reasons: reasonsOf(response) };
    };
    expect(await ask({ apr: '100.5' })).toEqual({
      codes: ['BAD_USER_INPUT'],
      reasons: ['INSTALLMENT_INPUT_INVALID'],
    });
    expect((await ask({ apr: '7.123456' })).reasons).toEqual(['INSTALLMENT_INPUT_INVALID']);
    expect((await ask({ apr: '-1' })).reasons).toEqual(['INSTALLMENT_INPUT_INVALID']);
    expect((await ask({ principal: '0' })).reasons).toEqual(['INSTALLMENT_INPUT_INVALID']);
    expect((await ask({ principal: '1000000000000.00' })).reasons).toEqual([
      'INSTALLMENT_INPUT_INVALID',
    ]);
    expect((await ask({ principal: '-5.00' })).reasons).toEqual(['MONEY_NEGATIVE']);
    expect((await ask({ principal: '10.001' })).reasons).toEqual(['MONEY_TOO_MANY_DECIMALS']);
    for (const months of [0, 601, -3])
      expect((await ask({ months })).codes).toEqual(['BAD_USER_INPUT']);
    // The largest plan answers at once.
    const largest = await client.call<PlanData>(PLAN, {
      input: { principal: '99999999999.99', apr: '100', months: 600 },
    });
    expect(largest.installmentPlan.schedule).toHaveLength(600);
  });

  it('needs read:budget and judges against the viewer’s own plan only', async () => {
    const rich = await signUp(api);
    const poor = await signUp(api);
    await budgetClient(api, rich).call(ONBOARD, { input: US_ONBOARDING });
    await budgetClient(api, poor).call(ONBOARD, {
      input: {
        ...US_ONBOARDING,
        currency: 'JPY',
        region: 'JP',
        timeZone: 'Asia/Tokyo',
        income: '200000',
        bills: [{ name: 'Rent', amount: '60000', categoryId: 'rent' }],
        savingsTarget: '0',
      },
    });
    const input = { principal: '300000', apr: '15', months: 24 };
    const withoutScope = await accessTokenWithScopes(
      api,
      rich.userId,
      ALL_SCOPES.filter((s) => s !== 'read:budget'),
    );
    expect(errorCodes(await api.graphql(PLAN, { input }, bearer(withoutScope)))).toEqual([
      'FORBIDDEN',
    ]);
    const onlyScope = await accessTokenWithScopes(api, poor.userId, ['read:budget']);
    const answer = await api.graphql<PlanData>(PLAN, { input }, bearer(onlyScope));
    expect(answer.errors).toBeUndefined();
    // The JPY plan: whole yen, its own income.
    expect(answer.data?.installmentPlan).toMatchObject({
      monthlyPayment: { amount: '14546', currency: 'JPY' },
      verdict: { monthlyIncome: { amount: '200000', currency: 'JPY' }, paymentShare: '7.27' },
    });
    // The same amount in dollars is refused for another currency's decimals.
    expect(
      reasonsOf(
        await api.graphql(PLAN, { input: { ...input, principal: '3000.50' } }, bearer(onlyScope)),
      ),
    ).toEqual(['MONEY_TOO_MANY_DECIMALS']);
  });
});
