import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import { assessInstallmentRisk, type InstallmentRiskInput } from './risk';

const income = 500_000; // 5000.00 a month
const base: InstallmentRiskInput = {
  paymentMinor: 25_000,
  totalPaidMinor: 300_000,
  incomeMinor: income,
  existingInstalmentsMinor: 0,
};

describe('payment share of income: low ≤ 10 %, medium ≤ 20 %, high above', () => {
  it.each([
    [0, 'low', 0],
    [50_000, 'low', 1_000], // exactly 10 %: the lower level
    [50_001, 'medium', 1_000],
    [100_000, 'medium', 2_000],
    [100_001, 'high', 2_000],
    [600_000, 'high', 12_000], // more than the income
  ])('payment %i of 5000.00 → %s (%i bp)', (paymentMinor, level, bp) => {
    const verdict = assessInstallmentRisk({ ...base, paymentMinor, totalPaidMinor: 0 });
    expect(verdict.paymentShareBp).toBe(bp);
    expect(verdict.reasons.find((r) => r.code === 'PAYMENT_SHARE')).toEqual({
      code: 'PAYMENT_SHARE',
      level,
      ratioBp: bp,
      amountMinor: paymentMinor,
    });
  });
});

describe('debt-to-income: low ≤ 36 %, medium ≤ 43 %, high (red) above 43 %', () => {
  it.each([
    [40_000, 140_000, 'low', 3_600],
    [40_000, 175_000, 'medium', 4_300], // exactly 43 %
    [40_000, 175_001, 'high', 4_300], // 43.00002 %
    [10_000, 300_000, 'high', 6_200],
  ])('payment %i + existing %i → %s', (paymentMinor, existingInstalmentsMinor, level, bp) => {
    const verdict = assessInstallmentRisk({ ...base, paymentMinor, existingInstalmentsMinor });
    expect(verdict.debtToIncomeBp).toBe(bp);
    expect(verdict.reasons.find((r) => r.code === 'DEBT_TO_INCOME')).toMatchObject({
      level,
      ratioBp: bp,
      amountMinor: paymentMinor + existingInstalmentsMinor,
    });
  });
});

describe('the verdict', () => {
  it('a small payment, no other debt and a short plan is low, reasons most severe first', () => {
    expect(assessInstallmentRisk(base)).toEqual({
      level: 'low',
      paymentShareBp: 500,
      debtToIncomeBp: 500,
      reasons: [
        { code: 'DEBT_TO_INCOME', level: 'low', ratioBp: 500, amountMinor: 25_000 },
        { code: 'PAYMENT_SHARE', level: 'low', ratioBp: 500, amountMinor: 25_000 },
        { code: 'TOTAL_VS_INCOME', level: 'low', ratioBp: 6_000, amountMinor: 300_000 },
      ],
    });
  });

  it('takes the highest level of its reasons and puts it first', () => {
    const verdict = assessInstallmentRisk({
      ...base,
      paymentMinor: 30_000, // 6 %: low
      existingInstalmentsMinor: 200_000, // 40 %: medium on its own, 46 % with the payment: high
    });
    expect(verdict.level).toBe('high');
    expect(verdict.reasons.map((r) => [r.code, r.level])).toEqual([
      ['DEBT_TO_INCOME', 'high'],
      ['EXISTING_INSTALMENTS', 'medium'],
      ['PAYMENT_SHARE', 'low'],
      ['TOTAL_VS_INCOME', 'low'],
    ]);
  });

  it.each([
    [3_000_000, 'low'], // exactly 6 months of income
    [3_000_001, 'medium'],
    [60_000_000, 'medium'], // 10 years of income: a long commitment, never high on its own
  ])('a plan repaying %i in total against 5000.00 a month is %s', (totalPaidMinor, level) => {
    const verdict = assessInstallmentRisk({ ...base, totalPaidMinor });
    expect(verdict.level).toBe(level);
    expect(verdict.reasons.find((r) => r.code === 'TOTAL_VS_INCOME')?.level).toBe(level);
  });

  it('leaves out existing instalments when there are none, and mentions them when there are', () => {
    const none = assessInstallmentRisk(base);
    expect(none.reasons.some((r) => r.code === 'EXISTING_INSTALMENTS')).toBe(false);
    const some = assessInstallmentRisk({ ...base, existingInstalmentsMinor: 50_000 });
    expect(some.reasons.find((r) => r.code === 'EXISTING_INSTALMENTS')).toEqual({
      code: 'EXISTING_INSTALMENTS',
      level: 'low',
      ratioBp: 1_000,
      amountMinor: 50_000,
    });
  });

  it('without income there is nothing to repay from: high', () => {
    expect(assessInstallmentRisk({ ...base, incomeMinor: 0 })).toEqual({
      level: 'high',
      paymentShareBp: null,
      debtToIncomeBp: null,
      reasons: [{ code: 'NO_INCOME', level: 'high', ratioBp: null, amountMinor: 25_000 }],
    });
  });

  it.each([
    [43 * 10 ** 13, 'medium'],
    [43 * 10 ** 13 + 1, 'high'], // one minor unit over 43 % of 10^15
  ])('compares exactly on huge amounts: %i of 10^15 → %s', (existingInstalmentsMinor, level) => {
    const verdict = assessInstallmentRisk({
      paymentMinor: 0,
      totalPaidMinor: 0,
      incomeMinor: 10 ** 15,
      existingInstalmentsMinor,
    });
    expect(verdict.reasons.find((r) => r.code === 'DEBT_TO_INCOME')?.level).toBe(level);
  });

  it.each<[keyof InstallmentRiskInput, number]>([
    ['paymentMinor', -1],
    ['incomeMinor', 1.5],
    ['existingInstalmentsMinor', Number.NaN],
    ['totalPaidMinor', Number.MAX_SAFE_INTEGER + 1],
  ])('refuses %s = %d', (field, value) => {
    expectCode(() => assessInstallmentRisk({ ...base, [field]: value }), 'MONEY_OUT_OF_RANGE');
  });
});
