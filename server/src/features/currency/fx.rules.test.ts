import { describe, expect, it } from 'vitest';
import {
  chooseRate,
  convertMinor,
  crossRate,
  divideRates,
  formatRate,
  invertRate,
  parseRate,
  type ExactDecimal,
  type RateCandidate,
} from './fx.rules';

const rate = (text: string): ExactDecimal => {
  const parsed = parseRate(text);
  if (!parsed) throw new Error(`bad rate ${text}`);
  return parsed;
};

describe('rates are exact decimals', () => {
  it.each([
    ['162.18', '162.18'],
    ['0.0061', '0.0061'],
    ['1.50000', '1.5'],
    ['007', '7'],
    ['0.000000000001', '0.000000000001'],
  ])('%s reads back as %s', (text, shown) => {
    expect(formatRate(rate(text))).toBe(shown);
  });

  it.each(['0', '0.000', '-1', '1e3', '1,5', '', '.5', '5.', '1.0000000000001', 'NaN'])(
    '%j is not a rate',
    (text) => {
      expect(parseRate(text)).toBeNull();
    },
  );

  it.each([
    // 1 / 162.18 = 0.00616598840794… → ten significant digits, half up.
    ['1', '162.18', '0.006165988408'],
    ['1', '3', '0.3333333333'],
    ['2', '3', '0.6666666667'],
    ['1', '8', '0.125'],
    ['1.0512', '162.18', '0.006481687014'],
    ['162.18', '1.0512', '154.2808219'],
    ['1', '0.000001', '1000000'],
    ['9.9999999999', '1', '10'],
  ])('%s / %s = %s', (numerator, denominator, expected) => {
    expect(formatRate(divideRates(rate(numerator), rate(denominator)))).toBe(expected);
  });

  it('inverts and crosses through the euro', () => {
    expect(formatRate(invertRate(rate('162.18')))).toBe('0.006165988408');
    // JPY paid, EUR budget: 1 / JPY per euro.
    expect(formatRate(crossRate({ paidPerEuro: rate('162.18'), budgetPerEuro: null }))).toBe(
      '0.006165988408',
    );
    // EUR paid, JPY budget: the published rate itself, exact.
    expect(formatRate(crossRate({ paidPerEuro: null, budgetPerEuro: rate('162.18') }))).toBe(
      '162.18',
    );
    // JPY paid, USD budget.
    expect(
      formatRate(crossRate({ paidPerEuro: rate('162.18'), budgetPerEuro: rate('1.0512') })),
    ).toBe('0.006481687014');
  });
});

describe('conversion rounds once, half up, to the budget currency’s minor unit', () => {
  it.each([
    // [paid minor, paid currency, rate, budget currency, budget minor]
    [120000, 'JPY', '0.006165988408', 'EUR', 73992], // ¥120,000 → €739.9186… → €739.92
    [1200, 'JPY', '0.006165988408', 'EUR', 740], // ¥1,200 → €7.3991860896 → €7.40
    [100, 'USD', '0.125', 'EUR', 13], // $1.00 → €0.125: a half cent goes up
    [100, 'USD', '0.124999', 'EUR', 12], // just below a half goes down
    [300, 'USD', '0.005', 'EUR', 2], // $3.00 → €0.015 → €0.02
    [100, 'USD', '0.004999', 'EUR', 0], // rounds to nothing (the service refuses it)
    [1234, 'BHD', '2.5', 'EUR', 309], // 1.234 BHD → €3.085 → €3.09
    [1000, 'EUR', '0.4095', 'BHD', 4095], // €10.00 → 4.095 BHD, exact with three digits
    [1000, 'EUR', '0.40955', 'KWD', 4096], // €10.00 → 4.0955 KWD → 4.096
    [1234, 'USD', '151.5', 'JPY', 1870], // $12.34 → ¥1,869.51 → ¥1,870
    [1, 'USD', '50', 'JPY', 1], // $0.01 → ¥0.5 → ¥1
    [3, 'JPY', '0.5', 'JPY', 2], // same digits: 1.5 → 2
    [1, 'KWD', '3.03', 'EUR', 0], // 0.001 KWD → €0.00303 → €0.00
    [5, 'BHD', '1', 'EUR', 1], // 0.005 BHD → €0.005 → €0.01
    [1, 'CLF', '1', 'EUR', 0], // four minor digits
    [9_000_000_000_000_000, 'JPY', '0.006165988408', 'EUR', 5_549_389_567_200_000],
  ])('%i %s at %s → %i minor of %s', (paidMinor, paidCurrency, text, budgetCurrency, minor) => {
    expect(convertMinor({ paidMinor, paidCurrency, rate: rate(text), budgetCurrency })).toBe(minor);
  });

  it('refuses a result too large to store exactly', () => {
    expect(
      convertMinor({
        paidMinor: Number.MAX_SAFE_INTEGER,
        paidCurrency: 'USD',
        rate: rate('151.5'),
        budgetCurrency: 'JPY',
      }),
    ).toBeNull();
  });
});

describe('the rate of a booking date', () => {
  const ecb = (rateOn: string, text = '162.18'): RateCandidate => ({
    rate: rate(text),
    rateOn,
    source: 'ecb',
  });
  const manual = (rateOn: string, text = '160'): RateCandidate => ({
    rate: rate(text),
    rateOn,
    source: 'manual',
  });

  it.each([
    ['the same day', [ecb('2026-12-04')], '2026-12-04', '2026-12-04', 'ecb', false],
    ['a weekend uses Friday', [ecb('2026-12-04')], '2026-12-06', '2026-12-04', 'ecb', true],
    [
      'the nearest earlier one',
      [ecb('2026-11-30'), ecb('2026-12-03'), ecb('2026-12-08')],
      '2026-12-05',
      '2026-12-03',
      'ecb',
      true,
    ],
    [
      'the person’s rate wins on its day',
      [ecb('2026-12-04'), manual('2026-12-04')],
      '2026-12-04',
      '2026-12-04',
      'manual',
      false,
    ],
    [
      'a later ECB rate wins over an older own rate',
      [ecb('2026-12-04'), manual('2026-12-01')],
      '2026-12-05',
      '2026-12-04',
      'ecb',
      true,
    ],
    [
      'a statement’s rate wins over both',
      [
        ecb('2026-12-04'),
        manual('2026-12-04'),
        { rate: rate('161'), rateOn: '2026-12-04', source: 'statement' as const },
      ],
      '2026-12-04',
      '2026-12-04',
      'statement',
      false,
    ],
  ])('%s', (_name, candidates, bookedOn, rateOn, source, isEstimated) => {
    expect(chooseRate(candidates, bookedOn)).toMatchObject({ rateOn, source, isEstimated });
  });

  it('knows none when every rate is later', () => {
    expect(chooseRate([ecb('2026-12-04')], '2026-12-03')).toBeNull();
    expect(chooseRate([], '2026-12-03')).toBeNull();
  });
});
