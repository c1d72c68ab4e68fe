import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { addTransaction, pendingFor } from '@/lib/sync';

describe('quick add paid in another currency', () => {
  let db: PaceDatabase;

  beforeEach(async () => {
    db = new PaceDatabase(`quick-add-${Math.random()}`);
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('queues the amount as paid for the server to convert; the device books no figure of its own', async () => {
    const id = await addTransaction(db, {
      amountMinor: 1200,
      currency: 'EUR',
      paid: { amountMinor: 1200, currency: 'JPY' },
      categoryId: 'dining_out',
      bookedOn: '2026-12-04',
      note: 'Ramen',
    });
    const [queued] = await pendingFor(db, id);
    const input = (queued?.variables as { input: Record<string, unknown> }).input;
    expect(input).toMatchObject({ paidAmount: '1200', paidCurrency: 'JPY' });
    expect(input).not.toHaveProperty('amount');
    expect(input).not.toHaveProperty('currency');
    expect(await db.transactions.get(id)).toMatchObject({
      amountMinor: 0,
      currency: 'EUR',
      originalAmountMinor: 1200,
      originalCurrency: 'JPY',
      fxRate: null,
    });
  });

  it('books a plain budget-currency amount when paid in the budget currency', async () => {
    const id = await addTransaction(db, {
      amountMinor: 740,
      currency: 'EUR',
      paid: { amountMinor: 740, currency: 'EUR' },
      categoryId: 'dining_out',
      bookedOn: '2026-12-04',
    });
    const [queued] = await pendingFor(db, id);
    const input = (queued?.variables as { input: Record<string, unknown> }).input;
    expect(input).toMatchObject({ amount: '7.40', currency: 'EUR' });
    expect(input).not.toHaveProperty('paidAmount');
    expect((await db.transactions.get(id))?.amountMinor).toBe(740);
  });
});
