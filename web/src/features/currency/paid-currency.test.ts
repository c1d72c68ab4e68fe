import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase, type TransactionRecord } from '@/lib/db';
import { addTransaction, editTransaction, pendingFor } from '@/lib/sync';
import { transactionRecordOf } from '@/lib/sync/mappers';
import { amountPatchOf } from './paid-currency-field';

const plain: TransactionRecord = {
  id: 't1',
  categoryId: 'dining_out',
  direction: 'expense',
  amountMinor: 500,
  currency: 'USD',
  bookedOn: '2026-12-04',
  occurredAt: '2026-12-04T12:00:00Z',
  merchant: null,
  note: 'Ramen',
  source: 'MANUAL',
  version: 1,
  updatedAt: '2026-12-04T12:00:00Z',
  pending: 0,
};
const converted: TransactionRecord = {
  ...plain,
  amountMinor: 780,
  originalAmountMinor: 1200,
  originalCurrency: 'JPY',
  fxRate: '0.0065',
  fxRateOn: '2026-12-04',
};

describe('the editor’s amount fields', () => {
  it.each([
    ['an unchanged plain amount', plain, 'USD', 500, {}],
    ['a new plain amount', plain, 'USD', 600, { amountMinor: 600 }],
    ['paid in yen', plain, 'JPY', 1200, { paid: { amountMinor: 1200, currency: 'JPY' } }],
    ['an unchanged paid amount', converted, 'JPY', 1200, {}],
    ['a new paid amount', converted, 'JPY', 2000, { paid: { amountMinor: 2000, currency: 'JPY' } }],
    ['back to dollars', converted, 'USD', 780, { paid: null, amountMinor: 780 }],
  ])('%s', (_name, record, currency, minor, expected) => {
    expect(amountPatchOf(record, currency, minor)).toEqual(expected);
  });
});

describe('a paid amount on the device (converted when online)', () => {
  let db: PaceDatabase;
  beforeEach(async () => {
    db = new PaceDatabase(`currency-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('queues paidAmount instead of amount and waits for the server’s rate', async () => {
    await db.transactions.put(converted);
    await editTransaction(db, converted.id, { paid: { amountMinor: 2000, currency: 'JPY' } });
    const record = await db.transactions.get(converted.id);
    expect(record).toMatchObject({
      amountMinor: 780,
      originalAmountMinor: 2000,
      originalCurrency: 'JPY',
      fxRate: null,
    });
    const [entry] = await pendingFor(db, converted.id);
    expect(entry?.variables.input).toEqual({
      id: converted.id,
      baseVersion: 1,
      paidAmount: '2000',
      paidCurrency: 'JPY',
    });
  });

  it('folds a paid amount into a queued create, which then sends no amount', async () => {
    const id = await addTransaction(db, {
      amountMinor: 500,
      currency: 'USD',
      categoryId: 'dining_out',
      bookedOn: '2026-12-04',
    });
    await editTransaction(db, id, { paid: { amountMinor: 1200, currency: 'JPY' } });
    const [create] = await pendingFor(db, id);
    expect(create?.operationName).toBe('createTransaction');
    const input = create?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ paidAmount: '1200', paidCurrency: 'JPY' });
    expect(input).not.toHaveProperty('amount');
    // Back to dollars before it was sent: the paid fields go, the amount comes back.
    await editTransaction(db, id, { paid: null, amountMinor: 450 });
    const [again] = await pendingFor(db, id);
    expect(again?.variables.input).toMatchObject({ amount: '4.50', paidCurrency: 'USD' });
    expect(again?.variables.input).not.toHaveProperty('paidAmount');
  });

  it('mirrors what the server converted', () => {
    expect(
      transactionRecordOf({
        id: 't1',
        amount: { amount: '7.80', currency: 'USD' },
        paidAmount: { amount: '1200', currency: 'JPY' },
        rate: '0.0065',
        rateOn: '2026-12-03',
        rateSource: 'MANUAL',
        rateEstimated: true,
        bookedOn: '2026-12-04',
        categoryId: 'dining_out',
        description: '',
        direction: 'EXPENSE',
        occurredAt: '2026-12-04T12:00:00Z',
        source: 'MANUAL',
        updatedAt: '2026-12-04T12:00:00Z',
        version: 2,
      }),
    ).toMatchObject({
      amountMinor: 780,
      originalAmountMinor: 1200,
      originalCurrency: 'JPY',
      fxRate: '0.0065',
      fxRateOn: '2026-12-03',
      fxRateEstimated: true,
    });
  });
});
