import { describe, expect, it } from 'vitest';
import {
  convertMinor,
  convertPaidAmount,
  enteredRateCandidate,
  formatRate,
  parseRate,
  type ExactDecimal,
  type RateCandidate,
} from './fx';

const rate = (text: string): ExactDecimal => {
  const parsed = parseRate(text);
  if (!parsed) throw new Error(`bad rate ${text}`);
  return parsed;
};

describe('the booked amount: paid × rate, rounded once, half up (docs/currencies.md §4)', () => {
  it.each([
    // [paid minor, paid currency, rate, budget currency, booked minor]
    [1200, 'JPY', '0.006165988408', 'EUR', 740], // ¥1,200 → €7.3991860896 → €7.40
    [100, 'USD', '0.125', 'EUR', 13], // a half cent goes up
    [100, 'USD', '0.124999', 'EUR', 12], // just below a half goes down
    [1234, 'BHD', '2.5', 'EUR', 309], // 1.234 BHD → €3.085 → €3.09
    [1000, 'EUR', '0.4095', 'BHD', 4095], // three minor digits, exact
    [1234, 'USD', '151.5', 'JPY', 1870], // $12.34 → ¥1,869.51 → ¥1,870
    [1200, 'JPY', '0.006481687014', 'USD', 778], // a cross rate through the euro
    [1200, 'JPY', '0.0065', 'USD', 780],
    [1, 'CLF', '1', 'EUR', 0], // four minor digits: rounds to nothing
  ])('%i %s at %s → %i minor of %s', (paidMinor, paidCurrency, text, budgetCurrency, minor) => {
    expect(convertMinor({ paidMinor, paidCurrency, rate: rate(text), budgetCurrency })).toBe(minor);
  });

  it('never lets a float hold the product (9e15 yen stays exact)', () => {
    expect(
      convertMinor({
        paidMinor: 9_000_000_000_000_000,
        paidCurrency: 'JPY',
        rate: rate('0.006165988408'),
        budgetCurrency: 'EUR',
      }),
    ).toBe(5_549_389_567_200_000);
  });
});

describe('converting a paid amount on a booking date', () => {
  const manual = (rateOn: string, text: string): RateCandidate => ({
    rate: rate(text),
    rateOn,
    source: 'manual',
  });

  it.each([
    // [name, candidates, booked on, booked minor, rate day, estimated]
    [
      'the day’s own rate',
      [manual('2026-12-04', '0.0065')],
      '2026-12-04',
      780,
      '2026-12-04',
      false,
    ],
    [
      'the nearest earlier rate, marked estimated',
      [manual('2026-12-01', '0.0061'), manual('2026-12-03', '0.0065')],
      '2026-12-06',
      780,
      '2026-12-03',
      true,
    ],
    [
      'a later rate is never used',
      [manual('2026-12-03', '0.0065'), manual('2026-12-05', '0.007')],
      '2026-12-04',
      780,
      '2026-12-03',
      true,
    ],
  ])('%s', (_name, candidates, bookedOn, amountMinor, rateOn, isEstimated) => {
    const result = convertPaidAmount({
      paidMinor: 1200,
      paidCurrency: 'JPY',
      budgetCurrency: 'USD',
      bookedOn,
      candidates,
    });
    expect(result).toMatchObject({ ok: true, conversion: { amountMinor, rateOn, isEstimated } });
  });

  it('knows no rate when every one is later, or there is none', () => {
    const input = { paidMinor: 1200, paidCurrency: 'JPY', budgetCurrency: 'USD' };
    expect(
      convertPaidAmount({
        ...input,
        bookedOn: '2026-12-02',
        candidates: [manual('2026-12-03', '0.0065')],
      }),
    ).toEqual({ ok: false, reason: 'NO_RATE' });
    expect(convertPaidAmount({ ...input, bookedOn: '2026-12-02', candidates: [] })).toEqual({
      ok: false,
      reason: 'NO_RATE',
    });
  });

  it('refuses a result too large to store exactly', () => {
    expect(
      convertPaidAmount({
        paidMinor: Number.MAX_SAFE_INTEGER,
        paidCurrency: 'USD',
        budgetCurrency: 'JPY',
        bookedOn: '2026-12-04',
        candidates: [manual('2026-12-04', '151.5')],
      }),
    ).toEqual({ ok: false, reason: 'OUT_OF_RANGE' });
  });
});

describe('an entered rate as a candidate', () => {
  const pair = { paidCurrency: 'JPY', budgetCurrency: 'EUR' };

  it('is used as written when entered paid → budget', () => {
    const candidate = enteredRateCandidate(
      { fromCurrency: 'JPY', toCurrency: 'EUR', rateOn: '2026-12-04', rate: '0.0061' },
      pair,
    );
    expect(candidate && formatRate(candidate.rate)).toBe('0.0061');
    expect(candidate).toMatchObject({ rateOn: '2026-12-04', source: 'manual' });
  });

  it('is inverted (ten significant digits) when entered budget → paid', () => {
    const candidate = enteredRateCandidate(
      { fromCurrency: 'EUR', toCurrency: 'JPY', rateOn: '2026-12-04', rate: '162.18' },
      pair,
    );
    expect(candidate && formatRate(candidate.rate)).toBe('0.006165988408');
  });

  it.each([
    ['another pair', { fromCurrency: 'USD', toCurrency: 'EUR', rate: '0.9' }],
    ['a text that is no rate', { fromCurrency: 'JPY', toCurrency: 'EUR', rate: '0' }],
  ])('is none for %s', (_name, entered) => {
    expect(enteredRateCandidate({ ...entered, rateOn: '2026-12-04' }, pair)).toBeNull();
  });
});
