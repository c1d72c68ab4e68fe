import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { replayOutbox } from '@/lib/sync';
import type { GraphqlTransport } from '@/lib/sync';
import { checkDraft } from './split-draft';
import { addSplit, editSplit, removeSplit } from './split-outbox';
import { readSplit } from './split-sync';

const DAY = '2026-03-10';
const sumsOf = async (db: PaceDatabase) => (await db.ledger.get('2026-03'))?.sums ?? {};

/** A fake API answering the split mutations the way the server does (idempotent by client ids). */
function fakeApi() {
  const splits = new Map<string, { version: number; input: Record<string, unknown> }>();
  const calls: string[] = [];
  const transport: GraphqlTransport = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const name = /mutation (\w+)/.exec(query)?.[1] ?? '';
    calls.push(name);
    const input = (variables?.input ?? {}) as Record<string, unknown>;
    const id = (input.id ?? variables?.id) as string;
    const stored = splits.get(id) ?? { version: 0, input };
    if (name === 'SyncCreateSplitTransaction' && !splits.has(id))
      splits.set(id, { version: 1, input });
    if (name === 'SyncUpdateSplit')
      splits.set(id, { version: stored.version + 1, input: { ...stored.input, ...input } });
    const current = splits.get(id) ?? stored;
    const deleted = name === 'SyncDeleteSplit';
    const parts = (current.input.parts as Array<Record<string, string>>).map((part) => ({
      id: part.id,
      amount: { amount: part.amount, currency: 'USD' },
      bookedOn: DAY,
      categoryId: part.categoryId,
      deletedAt: deleted ? 'now' : null,
      description: part.note ?? '',
      direction: 'EXPENSE',
      merchant: null,
      occurredAt: 'now',
      source: 'MANUAL',
      splitId: id,
      tags: [],
      updatedAt: 'now',
      version: current.version,
    }));
    const payload = {
      conflict: false,
      split: {
        id,
        total: { amount: current.input.total, currency: 'USD' },
        bookedOn: DAY,
        occurredAt: 'now',
        payee: null,
        description: '',
        partIds: deleted ? [] : parts.map((p) => p.id),
        version: current.version,
        updatedAt: 'now',
        deletedAt: deleted ? 'now' : null,
      },
      parts: deleted ? [] : parts,
    };
    const field =
      {
        SyncCreateSplitTransaction: 'createSplitTransaction',
        SyncUpdateSplit: 'updateSplit',
        SyncDeleteSplit: 'deleteSplit',
      }[name] ?? name;
    return { [field]: payload } as T;
  };
  return { transport, calls, splits };
}

describe('split payments on the device', () => {
  let db: PaceDatabase;
  beforeEach(async () => {
    db = new PaceDatabase(`splits-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('moves each category’s day figure at once, queues one mutation, and replays it once', async () => {
    const id = await addSplit(db, {
      totalMinor: 10_000,
      currency: 'USD',
      bookedOn: DAY,
      parts: [
        { categoryId: 'groceries', amountMinor: 3333 },
        { categoryId: 'coffee', amountMinor: 3333 },
        { categoryId: 'dining_out', amountMinor: 3334 },
      ],
    });
    expect(await sumsOf(db)).toEqual({
      [`${DAY}|groceries|USD`]: 3333,
      [`${DAY}|coffee|USD`]: 3333,
      [`${DAY}|dining_out|USD`]: 3334,
    });
    expect(
      (await db.transactions.where('splitId').equals(id).toArray()).every((t) => t.pending),
    ).toBe(true);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => e.operationName)).toEqual(['createSplitTransaction']);

    // An edit while the create waits is folded into it: the server sees one create.
    const parts = await db.transactions.where('splitId').equals(id).toArray();
    await editSplit(db, id, {
      totalMinor: 10_000,
      parts: [
        { id: parts[0]?.id, categoryId: 'groceries', amountMinor: 5000 },
        { categoryId: 'flex', amountMinor: 5000 },
      ],
    });
    expect(await db.outbox.count()).toBe(1);
    expect(await sumsOf(db)).toEqual({
      [`${DAY}|groceries|USD`]: 5000,
      [`${DAY}|flex|USD`]: 5000,
    });

    const api = fakeApi();
    await replayOutbox(db, api.transport);
    await replayOutbox(db, api.transport);
    expect(api.calls).toEqual(['SyncCreateSplitTransaction']);
    expect(await db.outbox.count()).toBe(0);
    expect((await readSplit(db, id))?.version).toBe(1);
    const synced = await db.transactions.where('splitId').equals(id).toArray();
    expect(synced.map((t) => [t.categoryId, t.amountMinor, t.pending]).sort()).toEqual([
      ['flex', 5000, 0],
      ['groceries', 5000, 0],
    ]);

    // Sent already: an edit carries the version read; a delete gives the money back.
    await editSplit(db, id, {
      totalMinor: 10_000,
      parts: synced.map((t) => ({
        id: t.id,
        categoryId: t.categoryId,
        amountMinor: t.amountMinor,
      })),
    });
    expect(
      (await db.outbox.toArray()).map((e) => [
        e.operationName,
        (e.variables.input as { baseVersion: number }).baseVersion,
      ]),
    ).toEqual([['updateSplit', 1]]);
    await replayOutbox(db, api.transport);
    await removeSplit(db, id);
    expect(await sumsOf(db)).toEqual({});
    await replayOutbox(db, api.transport);
    expect(api.calls).toEqual(['SyncCreateSplitTransaction', 'SyncUpdateSplit', 'SyncDeleteSplit']);
    expect(await db.transactions.where('splitId').equals(id).count()).toBe(0);
    expect(await readSplit(db, id)).toBeUndefined();
  });

  it('drops a split never sent, and shows again the payment it was to replace', async () => {
    await db.transactions.put({
      id: 'plain',
      categoryId: 'groceries',
      direction: 'expense',
      amountMinor: 2000,
      currency: 'USD',
      bookedOn: DAY,
      occurredAt: 'now',
      merchant: null,
      note: 'Shop',
      source: 'MANUAL',
      version: 1,
      updatedAt: 'now',
      deletedAt: null,
    });
    await db.ledger.put({ month: '2026-03', sums: { [`${DAY}|groceries|USD`]: 2000 } });
    const replaces = await db.transactions.get('plain');
    const id = await addSplit(db, {
      totalMinor: 2000,
      currency: 'USD',
      bookedOn: DAY,
      replaces: replaces ?? null,
      parts: [
        { categoryId: 'groceries', amountMinor: 1000 },
        { categoryId: 'coffee', amountMinor: 1000 },
      ],
    });
    expect(await sumsOf(db)).toEqual({
      [`${DAY}|groceries|USD`]: 1000,
      [`${DAY}|coffee|USD`]: 1000,
    });
    await removeSplit(db, id);
    expect(await db.outbox.count()).toBe(0);
    expect(await sumsOf(db)).toEqual({ [`${DAY}|groceries|USD`]: 2000 });
  });
});

describe('checkDraft', () => {
  const parse = (text: string) =>
    /^\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : null;
  const row = (categoryId: string, amount: string, key = 0) => ({ key, categoryId, amount });
  it.each([
    [10_000, [row('a', '33.33'), row('b', '33.33'), row('c', '33.34')], 'ok'],
    [10_000, [row('a', '50.00'), row('b', '49.99')], 'unbalanced'],
    [10_000, [row('a', '100.00')], 'tooFew'],
    [10_000, [row('a', '100.00'), row('', '0.00')], 'category'],
    [10_000, [row('a', '100.00'), row('b', '0')], 'amount'],
    [null, [row('a', '1.00'), row('b', '1.00')], 'total'],
  ] as const)('total %s → %s', (total, rows, expected) => {
    const checked = checkDraft(total, rows, parse);
    expect(checked.ok ? 'ok' : checked.problem).toBe(expected);
  });
});
