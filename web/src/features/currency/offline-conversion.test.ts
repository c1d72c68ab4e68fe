import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase, saveTransaction } from '@/lib/db';
import { addTransaction, editTransaction, pendingFor } from '@/lib/sync';
import { transactionRecordOf } from '@/lib/sync/mappers';
import { applyExchangeRateChange, type WireExchangeRate } from './exchange-rate-sync';
import { convertOnDevice, deviceRateOf } from './offline-conversion';

// A USD budget; the person entered yen rates on another device and this one synced them.
const DAY = '2026-12-07';

describe('a paid amount converted on the device with the synced rates', () => {
  let db: PaceDatabase;

  beforeEach(async () => {
    db = new PaceDatabase(`offline-fx-${Math.random()}`);
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const synced = (id: string, rate: WireExchangeRate) =>
    applyExchangeRateChange(db, { id, deleted: false, exchangeRate: rate });

  /** The month ledger's sum for a day and category: what Today and the month count. */
  const counted = async (bookedOn: string, categoryId: string) =>
    (await db.ledger.get(bookedOn.slice(0, 7)))?.sums[`${bookedOn}|${categoryId}|USD`] ?? 0;

  const ramen = (paidMinor: number, bookedOn = DAY) =>
    addTransaction(db, {
      amountMinor: paidMinor,
      currency: 'USD',
      paid: { amountMinor: paidMinor, currency: 'JPY' },
      categoryId: 'dining_out',
      bookedOn,
      note: 'Ramen',
    });

  it('counts a quick add at once, by the server’s rule: the nearest earlier rate, estimated', async () => {
    await synced('r1', {
      fromCurrency: 'JPY',
      toCurrency: 'USD',
      rateOn: '2026-12-01',
      rate: '0.0061',
    });
    await synced('r2', {
      fromCurrency: 'JPY',
      toCurrency: 'USD',
      rateOn: '2026-12-04',
      rate: '0.0065',
    });
    // A later day's rate is never used.
    await synced('r3', {
      fromCurrency: 'JPY',
      toCurrency: 'USD',
      rateOn: '2026-12-08',
      rate: '0.007',
    });
    const id = await ramen(1200);
    expect(await db.transactions.get(id)).toMatchObject({
      amountMinor: 780,
      originalAmountMinor: 1200,
      originalCurrency: 'JPY',
      fxRate: '0.0065',
      fxRateOn: '2026-12-04',
      fxRateEstimated: true,
      fxRateOnDevice: true,
    });
    expect(await counted(DAY, 'dining_out')).toBe(780);
    // The server still converts: only the paid amount is queued, never the device's figure.
    const input = ((await pendingFor(db, id))[0]?.variables as { input: Record<string, unknown> })
      .input;
    expect(input).toMatchObject({ paidAmount: '1200', paidCurrency: 'JPY' });
    expect(input).not.toHaveProperty('amount');
  });

  it.each([
    // [paid yen, rate as entered, from, to, booked cents]
    [1200, '0.006165988408', 'JPY', 'USD', 740], // 7.3991… → 7.40, rounded once, half up
    [20, '0.025', 'JPY', 'USD', 50], // exactly 0.50
    [1, '0.005', 'JPY', 'USD', 1], // a half cent goes up
    [1200, '153.85', 'USD', 'JPY', 780], // entered the other way round: inverted, 10 digits
  ])('¥%i at %s (%s→%s) counts %i cents', async (paid, rate, from, to, cents) => {
    await synced('r', { fromCurrency: from, toCurrency: to, rateOn: DAY, rate });
    expect(
      await convertOnDevice(db, {
        paidMinor: paid,
        paidCurrency: 'JPY',
        budgetCurrency: 'USD',
        bookedOn: DAY,
      }),
    ).toMatchObject({ amountMinor: cents, fxRateOn: DAY, fxRateEstimated: false });
  });

  it('counts nothing and says it waits for the server when no rate is that early', async () => {
    await synced('r', {
      fromCurrency: 'JPY',
      toCurrency: 'USD',
      rateOn: '2026-12-08',
      rate: '0.0065',
    });
    await synced('e', { fromCurrency: 'EUR', toCurrency: 'USD', rateOn: DAY, rate: '1.05' });
    const id = await ramen(1200);
    const record = await db.transactions.get(id);
    expect(record).toMatchObject({ amountMinor: 0, fxRate: null, fxRateOn: null });
    expect(record?.fxRateOnDevice).toBeUndefined();
    expect(await counted(DAY, 'dining_out')).toBe(0);
    expect(
      await deviceRateOf(db, { paidCurrency: 'JPY', budgetCurrency: 'USD', bookedOn: DAY }),
    ).toBeNull();
  });

  it('converts again when an edit changes the paid amount or the day', async () => {
    await synced('r1', {
      fromCurrency: 'JPY',
      toCurrency: 'USD',
      rateOn: '2026-12-01',
      rate: '0.006',
    });
    await synced('r2', { fromCurrency: 'JPY', toCurrency: 'USD', rateOn: DAY, rate: '0.0065' });
    const id = await ramen(1200);
    await editTransaction(db, id, { paid: { amountMinor: 2000, currency: 'JPY' } });
    expect(await db.transactions.get(id)).toMatchObject({ amountMinor: 1300, fxRate: '0.0065' });
    await editTransaction(db, id, { bookedOn: '2026-12-02' });
    expect(await db.transactions.get(id)).toMatchObject({
      amountMinor: 1200,
      fxRate: '0.006',
      fxRateOn: '2026-12-01',
      fxRateEstimated: true,
    });
    expect(await counted(DAY, 'dining_out')).toBe(0);
    expect(await counted('2026-12-02', 'dining_out')).toBe(1200);
    // Still one create in the outbox, with the paid amount only.
    const queued = await pendingFor(db, id);
    expect(queued).toHaveLength(1);
    expect((queued[0]?.variables as { input: Record<string, unknown> }).input).toMatchObject({
      paidAmount: '2000',
      bookedOn: '2026-12-02',
    });
  });

  it('gives way to the server’s conversion when its answer comes back', async () => {
    await synced('r', { fromCurrency: 'JPY', toCurrency: 'USD', rateOn: DAY, rate: '0.0065' });
    const id = await ramen(1200);
    // The server knew a better rate (the ECB's of the day): its figure is the one kept.
    const server = transactionRecordOf({
      id,
      categoryId: 'dining_out',
      direction: 'EXPENSE',
      amount: { amount: '7.92', currency: 'USD' },
      bookedOn: DAY,
      occurredAt: `${DAY}T12:00:00.000Z`,
      description: 'Ramen',
      source: 'MANUAL',
      paidAmount: { amount: '1200', currency: 'JPY' },
      rate: '0.0066',
      rateOn: DAY,
      rateSource: 'ECB',
      rateEstimated: false,
      updatedAt: `${DAY}T12:00:01.000Z`,
      version: 1,
    });
    await db.transaction('rw', db.transactions, db.ledger, () => saveTransaction(db, id, server));
    const stored = await db.transactions.get(id);
    expect(stored).toMatchObject({ amountMinor: 792, fxRate: '0.0066', pending: 0 });
    expect(stored?.fxRateOnDevice).toBeUndefined();
    expect(await counted(DAY, 'dining_out')).toBe(792);
  });
});
