import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { forgetMirroredBudget } from './household-sync';

let db: PaceDatabase;
beforeEach(() => {
  db = new PaceDatabase(`household-mirror-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('forgetMirroredBudget', () => {
  it('drops the money accounts, transfers and rules with the budget: they belong to the budget acted on', async () => {
    const synced = { version: 1, updatedAt: '2026-03-10T00:00:00Z' };
    await db.moneyAccounts.put({
      ...synced,
      id: 'a1',
      name: 'Main',
      kind: 'checking',
      currency: 'USD',
      openingBalanceMinor: 0,
      openingOn: null,
      isDefault: true,
      isArchived: false,
      reconciledThrough: null,
      createdAt: '2026-03-01T00:00:00Z',
    });
    await db.transfers.put({
      ...synced,
      id: 't1',
      bookedOn: '2026-03-10',
      fromAccountId: 'a1',
      toAccountId: 'a2',
      amountMinor: 12050,
      currency: 'USD',
      note: '',
      createdAt: '2026-03-10T00:00:00Z',
    });
    await db.rules.put({ id: 'r1' } as never);
    await db.goals.put({ id: 'g1' } as never);

    await forgetMirroredBudget(db);

    expect(await db.moneyAccounts.count()).toBe(0);
    expect(await db.transfers.count()).toBe(0);
    expect(await db.rules.count()).toBe(0);
    // Goals stay personal: they are not part of the shared budget.
    expect(await db.goals.count()).toBe(1);
  });
});
