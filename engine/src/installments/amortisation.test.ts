import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../../test/expect-code';
import {
  MAX_INSTALLMENT_PAYMENTS,
  MAX_INSTALLMENT_PRINCIPAL_MINOR,
  amortisedPaymentMinor,
  computeInstallmentSchedule,
  parseAprPpm,
  type InstallmentInput,
} from './amortisation';

const base: InstallmentInput = {
  principalMinor: 100_000,
  currency: 'USD',
  apr: '12',
  payments: 12,
  firstPaymentOn: '2026-04-15',
};

describe('the monthly payment M = P·r(1+r)^n / ((1+r)^n − 1), half-up to the minor unit', () => {
  // Vectors checked by hand and against published loan tables.
  it.each([
    [100_000, '12', 12, 8_885], // 1000.00 at 12 % over a year → 88.85
    [1_000_000, '5', 360, 5_368], // 10,000.00 at 5 % over 30 years → 53.68
    [25_000_000, '6.5', 360, 158_017], // 250,000.00 at 6.5 % over 30 years → 1580.17
    [1_000_000, '18', 36, 36_152], // 10,000.00 at 18 % over 3 years → 361.52
    [120_000, '12', 12, 10_662], // 1200.00 at 12 % → 106.62 (106.6185…)
    [100_000, '100', 600, 8_333], // the bounds: 100 % over 50 years ≈ interest only
  ])('%i minor at %s %% over %i months → %i', (principal, apr, payments, expected) => {
    expect(amortisedPaymentMinor(principal, parseAprPpm(apr), payments)).toBe(expected);
    expect(
      computeInstallmentSchedule({ ...base, principalMinor: principal, apr, payments }),
    ).toMatchObject({ paymentMinor: expected });
  });
});

describe('the schedule', () => {
  it('1000.00 at 12 % over 12 months: first rows by hand, the last absorbs the rounding', () => {
    const plan = computeInstallmentSchedule(base);
    expect(plan.rows[0]).toEqual({
      number: 1,
      dueOn: '2026-04-15',
      paymentMinor: 8_885,
      interestMinor: 1_000, // 1% of 1000.00
      principalMinor: 7_885,
      balanceMinor: 92_115,
    });
    expect(plan.rows[1]).toEqual({
      number: 2,
      dueOn: '2026-05-15',
      paymentMinor: 8_885,
      interestMinor: 921, // 1% of 921.15 = 9.2115
      principalMinor: 7_964,
      balanceMinor: 84_151,
    });
    expect(plan.rows[11]).toEqual({
      number: 12,
      dueOn: '2027-03-15',
      paymentMinor: 8_884,
      interestMinor: 88,
      principalMinor: 8_796,
      balanceMinor: 0,
    });
    expect(plan).toMatchObject({
      paymentMinor: 8_885,
      lastPaymentMinor: 8_884,
      totalInterestMinor: 6_619,
      totalPaidMinor: 106_619,
      aprPpm: 120_000,
    });
  });

  it.each([
    [100_000, 3, [33_334, 33_333, 33_333]],
    [100, 7, [15, 15, 14, 14, 14, 14, 14]],
    [5, 12, [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]],
  ])('0 %%: %i split exactly into %i payments', (principalMinor, payments, parts) => {
    const plan = computeInstallmentSchedule({ ...base, apr: '0', principalMinor, payments });
    expect(plan.rows.map((r) => r.paymentMinor)).toEqual(parts);
    expect(plan.rows.every((r) => r.interestMinor === 0)).toBe(true);
    expect(plan).toMatchObject({ totalInterestMinor: 0, totalPaidMinor: principalMinor });
    expect(plan.rows.at(-1)?.balanceMinor).toBe(0);
  });

  it.each(['0', '0.0', '0.0000'])('APR %s is the zero-rate split', (apr) => {
    expect(computeInstallmentSchedule({ ...base, apr }).totalInterestMinor).toBe(0);
  });

  it('one payment repays principal plus one month of interest', () => {
    const plan = computeInstallmentSchedule({ ...base, payments: 1 });
    expect(plan.rows).toEqual([
      {
        number: 1,
        dueOn: '2026-04-15',
        paymentMinor: 101_000,
        interestMinor: 1_000,
        principalMinor: 100_000,
        balanceMinor: 0,
      },
    ]);
    expect(plan.paymentMinor).toBe(plan.lastPaymentMinor);
  });

  it('JPY (0 digits): 300,000 ¥ at 15 % over 24 months, whole yen', () => {
    const plan = computeInstallmentSchedule({
      ...base,
      currency: 'JPY',
      principalMinor: 300_000,
      apr: '15',
      payments: 24,
    });
    expect(plan.paymentMinor).toBe(14_546); // 14,545.99… ¥
    expect(plan.rows[0]).toMatchObject({ interestMinor: 3_750, principalMinor: 10_796 });
    expect(plan.rows.reduce((sum, r) => sum + r.principalMinor, 0)).toBe(300_000);
  });

  it('KWD (3 digits): 1,000.000 KD at 7.25 % over 12 months, whole fils', () => {
    const plan = computeInstallmentSchedule({
      ...base,
      currency: 'KWD',
      principalMinor: 1_000_000,
      apr: '7.25',
      payments: 12,
    });
    expect(plan.paymentMinor).toBe(86_642); // 86.64203… KD
    expect(plan.rows[0]?.interestMinor).toBe(6_042); // 6.041666… KD
    expect(plan.rows.at(-1)?.balanceMinor).toBe(0);
  });

  it('falls on the first payment’s day of month, clamped to short months', () => {
    const plan = computeInstallmentSchedule({ ...base, firstPaymentOn: '2027-01-31', payments: 4 });
    expect(plan.rows.map((r) => r.dueOn)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    const leap = computeInstallmentSchedule({ ...base, firstPaymentOn: '2027-12-29', payments: 3 });
    expect(leap.rows.map((r) => r.dueOn)).toEqual(['2027-12-29', '2028-01-29', '2028-02-29']);
  });

  it('a tiny loan whose rounded-up payment would repay it early never takes more than is owed', () => {
    const plan = computeInstallmentSchedule({
      ...base,
      principalMinor: 7,
      apr: '0.01',
      payments: 12,
    });
    expect(plan.rows.every((r) => r.principalMinor >= 0 && r.balanceMinor >= 0)).toBe(true);
    expect(plan.rows.reduce((sum, r) => sum + r.principalMinor, 0)).toBe(7);
    expect(plan.totalPaidMinor).toBe(7);
  });

  it('the largest plan (600 payments at 100 % on the largest principal) stays exact and fast', () => {
    const started = performance.now();
    const plan = computeInstallmentSchedule({
      ...base,
      principalMinor: MAX_INSTALLMENT_PRINCIPAL_MINOR,
      apr: '100',
      payments: MAX_INSTALLMENT_PAYMENTS,
    });
    expect(performance.now() - started).toBeLessThan(500);
    expect(plan.rows).toHaveLength(600);
    expect(Number.isSafeInteger(plan.totalPaidMinor)).toBe(true);
    expect(plan.rows.reduce((sum, r) => sum + r.principalMinor, 0)).toBe(
      MAX_INSTALLMENT_PRINCIPAL_MINOR,
    );
  });
});

describe('properties', () => {
  const inputs = fc.record({
    principalMinor: fc.integer({ min: 1, max: 10 ** 11 }),
    ppm: fc.integer({ min: 0, max: 1_000_000 }),
    payments: fc.integer({ min: 1, max: 600 }),
  });
  const aprOf = (ppm: number) =>
    `${Math.floor(ppm / 10_000)}.${String(ppm % 10_000).padStart(4, '0')}`;

  it('every amount is a non-negative integer, rows add up, Σ principal = principal exactly', () => {
    fc.assert(
      fc.property(inputs, ({ principalMinor, ppm, payments }) => {
        const plan = computeInstallmentSchedule({
          ...base,
          principalMinor,
          apr: aprOf(ppm),
          payments,
        });
        let balance = principalMinor;
        let principalSum = 0;
        let interestSum = 0;
        for (const row of plan.rows) {
          for (const value of [row.paymentMinor, row.interestMinor, row.principalMinor]) {
            expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
          }
          expect(row.paymentMinor).toBe(row.interestMinor + row.principalMinor);
          balance -= row.principalMinor;
          expect(row.balanceMinor).toBe(balance);
          principalSum += row.principalMinor;
          interestSum += row.interestMinor;
        }
        expect(principalSum).toBe(principalMinor);
        expect(balance).toBe(0);
        expect(plan.totalInterestMinor).toBe(interestSum);
        expect(plan.totalPaidMinor).toBe(principalMinor + interestSum);
        // Every payment but the last is the regular one (before a tiny loan is repaid early).
        const regular = plan.rows.slice(0, -1).filter((r) => r.balanceMinor > 0);
        if (ppm > 0) expect(regular.every((r) => r.paymentMinor === plan.paymentMinor)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the payment agrees with the float formula to within a minor unit', () => {
    fc.assert(
      fc.property(inputs, ({ principalMinor, ppm, payments }) => {
        fc.pre(ppm > 0 && principalMinor < 10 ** 9);
        const r = ppm / 12_000_000;
        const growth = (1 + r) ** payments;
        const approx = (principalMinor * r * growth) / (growth - 1);
        expect(
          Math.abs(amortisedPaymentMinor(principalMinor, ppm, payments) - approx),
        ).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('invalid input → EngineError', () => {
  it.each<[string, Partial<InstallmentInput>, string]>([
    ['no principal', { principalMinor: 0 }, 'MONEY_OUT_OF_RANGE'],
    ['negative principal', { principalMinor: -100 }, 'MONEY_OUT_OF_RANGE'],
    ['fractional principal', { principalMinor: 10.5 }, 'MONEY_OUT_OF_RANGE'],
    ['principal above the bound', { principalMinor: 10 ** 13 + 1 }, 'MONEY_OUT_OF_RANGE'],
    ['zero payments', { payments: 0 }, 'INPUT_INVALID'],
    ['601 payments', { payments: 601 }, 'INPUT_INVALID'],
    ['fractional payments', { payments: 1.5 }, 'INPUT_INVALID'],
    ['NaN payments', { payments: Number.NaN }, 'INPUT_INVALID'],
    ['APR above 100 %', { apr: '100.0001' }, 'INPUT_INVALID'],
    ['negative APR', { apr: '-1' }, 'INPUT_INVALID'],
    ['APR with 5 decimals', { apr: '1.23456' }, 'INPUT_INVALID'],
    ['APR as a float text', { apr: '1e2' }, 'INPUT_INVALID'],
    ['empty APR', { apr: '' }, 'INPUT_INVALID'],
    ['APR with a comma', { apr: '7,5' }, 'INPUT_INVALID'],
    ['unknown currency', { currency: 'XXX' }, 'CURRENCY_UNKNOWN'],
    ['impossible date', { firstPaymentOn: '2026-02-30' }, 'DATE_INVALID'],
  ])('%s', (_name, change, code) => {
    expectCode(() => computeInstallmentSchedule({ ...base, ...change }), code as never);
  });
});
