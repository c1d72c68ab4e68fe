import { describe, expect, it } from 'vitest';
import { planPaidAmount, type PaidFields } from './transaction-paid.rules';

const plain = {
  amountMinor: 740,
  bookedOn: '2026-12-04',
  originalAmountMinor: null,
  originalCurrency: null,
  fxRate: null,
  fxRateSource: null,
};
const converted = {
  ...plain,
  originalAmountMinor: 1200,
  originalCurrency: 'JPY',
  fxRate: '0.006165988408',
  fxRateSource: 'ecb' as const,
};
const statement = { ...converted, fxRate: '0.0062', fxRateSource: 'statement' as const };
type Stored = typeof plain | typeof converted | typeof statement | null;

describe('what a write does with a paid amount (EUR budget)', () => {
  it.each<[string, PaidFields, Stored, string, unknown]>([
    ['a plain create', { amount: '7.40' }, null, '2026-12-04', { kind: 'keep' }],
    [
      'a create paid in yen',
      { paidAmount: '1200', paidCurrency: 'JPY' },
      null,
      '2026-12-04',
      {
        kind: 'convert',
        paidMinor: 1200,
        paidCurrency: 'JPY',
        on: '2026-12-04',
        statementRate: null,
      },
    ],
    [
      'a create with the statement’s rate',
      { paidAmount: '1200', paidCurrency: 'JPY', paidRate: '0.0062' },
      null,
      '2026-12-04',
      { kind: 'convert', statementRate: '0.0062' },
    ],
    [
      'paid in the budget currency is plain',
      { paidAmount: '7.40', paidCurrency: 'EUR' },
      null,
      '2026-12-04',
      { kind: 'plain', amountMinor: 740 },
    ],
    ['a note edit keeps the rate', {}, converted, '2026-12-04', { kind: 'keep' }],
    [
      'a date edit converts again',
      {},
      converted,
      '2026-12-02',
      { kind: 'convert', paidMinor: 1200, paidCurrency: 'JPY', on: '2026-12-02' },
    ],
    [
      'a date edit drops a statement’s rate',
      {},
      statement,
      '2026-12-02',
      { kind: 'convert', statementRate: null },
    ],
    [
      'a paid amount edit keeps a statement’s rate',
      { paidAmount: '1500' },
      statement,
      '2026-12-04',
      { kind: 'convert', paidMinor: 1500, statementRate: '0.0062' },
    ],
    [
      'a paid amount edit converts again',
      { paidAmount: '1500' },
      converted,
      '2026-12-04',
      { kind: 'convert', paidMinor: 1500, paidCurrency: 'JPY', statementRate: null },
    ],
    [
      'the amount shown, sent back, changes nothing',
      { amount: '7.40' },
      converted,
      '2026-12-04',
      { kind: 'keep' },
    ],
    [
      'another amount makes it plain',
      { amount: '8.00' },
      converted,
      '2026-12-04',
      { kind: 'plain', amountMinor: null },
    ],
    [
      'back to the budget currency with an amount',
      { paidCurrency: 'EUR', amount: '8.00' },
      converted,
      '2026-12-04',
      { kind: 'plain', amountMinor: null },
    ],
    [
      'a new currency with its amount',
      { paidCurrency: 'USD', paidAmount: '8.10' },
      converted,
      '2026-12-04',
      { kind: 'convert', paidMinor: 810, paidCurrency: 'USD' },
    ],
  ])('%s', (_name, input, current, bookedOn, expected) => {
    expect(planPaidAmount(input, current, 'EUR', bookedOn)).toMatchObject(expected as object);
  });

  it.each<[string, PaidFields, Stored, string]>([
    ['a paid amount without a currency', { paidAmount: '1200' }, null, 'paidCurrency is needed'],
    [
      'amount and paidAmount together',
      { amount: '7.40', paidAmount: '1200', paidCurrency: 'JPY' },
      null,
      'not both',
    ],
    [
      'a new currency without its amount',
      { paidCurrency: 'USD' },
      converted,
      'paidAmount is needed',
    ],
    ['a zero paid amount', { paidAmount: '0', paidCurrency: 'JPY' }, null, 'more than zero'],
    [
      'a statement rate for the budget currency',
      { paidAmount: '7.40', paidCurrency: 'EUR', paidRate: '1' },
      null,
      'only for a currency',
    ],
  ])('refuses %s', (_name, input, current, message) => {
    expect(() => planPaidAmount(input, current, 'EUR', '2026-12-04')).toThrow(message);
  });

  it('refuses more decimals than the paid currency has', () => {
    expect(() =>
      planPaidAmount({ paidAmount: '12.5', paidCurrency: 'JPY' }, null, 'EUR', '2026-12-04'),
    ).toThrow();
  });
});
