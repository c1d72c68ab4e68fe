import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { CURSOR_KEY, pullChanges } from '@/lib/sync/pull';
import type { GraphqlTransport } from '@/lib/sync/transport';
import { forgetMirroredBudget } from '@/features/households/household-sync';
import { mirroredRecurring, type WireRecurring } from './recurring-sync';

const RENT: WireRecurring = {
  id: '5b0e7a52-8f0c-4c55-9a47-2f1f5d0c7a01',
  amount: { amount: '1250.50', currency: 'USD' },
  categoryId: 'rent',
  description: 'Rent',
  frequency: 'MONTHLY',
  interval: 1,
  dayNumber: 1,
  monthOfYear: null,
  previousId: null,
  startOn: '2026-01-01',
  endOn: null,
  postedThrough: '2026-03-01',
  accountId: null,
  memberId: null,
};

interface RecurringChange {
  cursor: string;
  kind: 'RECURRING';
  id: string;
  deleted: boolean;
  recurringTransaction: WireRecurring;
}

const change = (cursor: string, recurring: WireRecurring, deleted = false): RecurringChange => ({
  cursor,
  kind: 'RECURRING',
  id: recurring.id,
  deleted,
  recurringTransaction: recurring,
});

/** A stand-in server answering `changes(since)` with one page per pull; it notes each `since`. */
function serverWith(pages: RecurringChange[][]): GraphqlTransport & { sinces: unknown[] } {
  let pull = 0;
  const sinces: unknown[] = [];
  const transport = (async (_query: string, variables: { since: unknown }) => {
    sinces.push(variables.since);
    const changes = pages[pull] ?? [];
    pull += 1;
    return { changes: { changes, cursor: changes.at(-1)?.cursor ?? 'end', hasMore: false } };
  }) as unknown as GraphqlTransport & { sinces: unknown[] };
  transport.sinces = sinces;
  return transport;
}

const opened: Dexie[] = [];
function database(name = `recurring-${Math.random()}`): PaceDatabase {
  const db = new PaceDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('the device mirror of recurring expenses', () => {
  it('stores a pulled rule exactly, then its edit and its end, and lists them offline', async () => {
    const db = database();
    const next: WireRecurring = {
      ...RENT,
      id: '5b0e7a52-8f0c-4c55-9a47-2f1f5d0c7a02',
      amount: { amount: '1300.00', currency: 'USD' },
      previousId: RENT.id,
      startOn: '2026-04-01',
      postedThrough: null,
    };
    const server = serverWith([
      [change('c1', RENT)],
      // An edit from 1 April: the rule ends the day before and a new one starts.
      [change('c2', { ...RENT, endOn: '2026-03-31' }), change('c3', next)],
      // The new one is ended after a posting.
      [change('c4', { ...next, postedThrough: '2026-04-01', endOn: '2026-04-30' })],
    ]);

    await pullChanges(db, server);
    expect(await db.recurring.get(RENT.id)).toEqual({
      id: RENT.id,
      amountMinor: 125050,
      currency: 'USD',
      categoryId: 'rent',
      description: 'Rent',
      frequency: 'MONTHLY',
      interval: 1,
      dayNumber: 1,
      monthOfYear: null,
      previousId: null,
      startOn: '2026-01-01',
      endOn: null,
      postedThrough: '2026-03-01',
      accountId: null,
      memberId: null,
    });

    await pullChanges(db, server);
    await pullChanges(db, server);
    const listed = await mirroredRecurring(db);
    expect(listed.map((r) => [r.id, r.amountMinor, r.endOn, r.postedThrough])).toEqual([
      [RENT.id, 125050, '2026-03-31', '2026-03-01'],
      [next.id, 130000, '2026-04-30', '2026-04-01'],
    ]);
    expect(server.sinces).toEqual([null, 'c1', 'c3']);
    expect((await db.meta.get(CURSOR_KEY))?.value).toBe('c4');
  });

  it('removes a rule on a tombstone', async () => {
    const db = database();
    await pullChanges(db, serverWith([[change('c1', RENT)], [change('c2', RENT, true)]]));
    expect(await db.recurring.count()).toBe(1);
    await pullChanges(db, serverWith([[change('c2', RENT, true)]]));
    expect(await db.recurring.count()).toBe(0);
  });

  it('forgets the rules with the budget when the budget acted on moves', async () => {
    const db = database();
    await pullChanges(db, serverWith([[change('c1', RENT)]]));
    await db.transaction('rw', db.tables, () => forgetMirroredBudget(db));
    expect(await db.recurring.count()).toBe(0);
  });
});

describe('a device upgrading to the database with recurring expenses', () => {
  /** The database as version 7 left it (every table and index it had). */
  async function storedAtVersion7(name: string, cursor: string): Promise<void> {
    const old = new Dexie(name);
    old.version(7).stores({
      plan: '&month',
      categories: '&id, priority',
      transactions: '&id, bookedOn, splitId, accountId, *tags',
      goals: '&id, status',
      outbox: '++seq, &mutationId, recordId',
      meta: '&key',
      settings: '&key',
      adjustments: '&id, month',
      conflicts: '&id, detectedAt',
      ledger: '&month',
      habits: '&id',
      moods: '&on',
      receiptUploads: '&id, createdAt',
      moneyAccounts: '&id',
      transfers: '&id, bookedOn',
      rules: '&id',
      households: '&id',
    });
    await old.open();
    await old.table('meta').put({ key: CURSOR_KEY, value: cursor });
    await old.table('goals').put({ id: 'g1', status: 'active' });
    old.close();
  }

  it('pulls from the beginning once, so rules made before the upgrade reach the device', async () => {
    const name = `recurring-upgrade-${Math.random()}`;
    await storedAtVersion7(name, 'c9');
    const db = database(name);
    await db.open();
    // The cursor is gone; what was stored stays.
    expect(await db.meta.get(CURSOR_KEY)).toBeUndefined();
    expect(await db.goals.count()).toBe(1);

    const server = serverWith([[change('c1', RENT)], []]);
    await pullChanges(db, server);
    expect(server.sinces).toEqual([null]);
    expect((await mirroredRecurring(db)).map((r) => r.id)).toEqual([RENT.id]);

    // Later pulls resume from the new cursor, as before.
    await pullChanges(db, server);
    expect(server.sinces).toEqual([null, 'c1']);
  });
});
