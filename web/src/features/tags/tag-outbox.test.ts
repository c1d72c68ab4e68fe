import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase, saveTransaction, type TransactionRecord } from '@/lib/db';
import {
  addTransaction,
  editTransaction,
  GraphqlRequestError,
  NetworkUnavailableError,
  replayOutbox,
  resolveConflict,
  type GraphqlTransport,
} from '@/lib/sync';
import { deleteTag, renameTag } from './tag-outbox';
import { retag, tagUndoKeyOf, type TagChange } from './tag-sync';

const DAY = '2026-03-10';

function row(
  id: string,
  tags: string[],
  extra: Partial<TransactionRecord> = {},
): TransactionRecord {
  return {
    id,
    categoryId: 'groceries',
    direction: 'expense',
    amountMinor: 1250,
    currency: 'USD',
    bookedOn: DAY,
    occurredAt: `${DAY}T10:00:00.000Z`,
    merchant: null,
    note: null,
    source: 'MANUAL',
    tags,
    version: 1,
    updatedAt: 'then',
    deletedAt: null,
    pending: 0,
    ...extra,
  };
}

/**
 * A fake API that keeps tags and versions per transaction, renames or removes tags like the
 * server's UPDATE (each row written gets the next version), and takes an edit only against the
 * version it holds (otherwise a conflict, as the server answers).
 */
function fakeApi() {
  const tags = new Map<string, string[]>();
  const versions = new Map<string, number>();
  const calls: string[] = [];
  let failWith: Error | null = null;
  const transport: GraphqlTransport = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    const name = /mutation (\w+)/.exec(query)?.[1] ?? '';
    calls.push(name);
    if (failWith) throw failWith;
    if (name === 'SyncCreateTransaction') {
      const input = variables?.input as Record<string, unknown>;
      const id = input.id as string;
      tags.set(id, (input.tags as string[] | undefined) ?? []);
      const transaction = {
        id,
        amount: { amount: input.amount, currency: 'USD' },
        bookedOn: input.bookedOn,
        categoryId: input.categoryId,
        deletedAt: null,
        description: '',
        direction: 'EXPENSE',
        occurredAt: input.occurredAt,
        source: 'MANUAL',
        tags: tags.get(id),
        updatedAt: 'now',
        version: 1,
      };
      versions.set(id, 1);
      return { createTransaction: { conflict: false, transaction } } as T;
    }
    if (name === 'SyncUpdateTransaction') {
      const input = variables?.input as Record<string, unknown>;
      const id = input.id as string;
      const held = versions.get(id) ?? 1;
      const conflict = input.baseVersion !== held;
      if (!conflict) {
        versions.set(id, held + 1);
        if (Array.isArray(input.tags)) tags.set(id, input.tags as string[]);
      }
      const transaction = {
        id,
        amount: { amount: '12.50', currency: 'USD' },
        bookedOn: DAY,
        categoryId: 'groceries',
        deletedAt: null,
        description: '',
        direction: 'EXPENSE',
        occurredAt: `${DAY}T10:00:00.000Z`,
        source: 'MANUAL',
        tags: tags.get(id),
        updatedAt: 'now',
        version: versions.get(id),
      };
      return { updateTransaction: { conflict, transaction } } as T;
    }
    const change: TagChange =
      name === 'SyncRenameTag'
        ? { kind: 'rename', from: variables?.from as string, to: variables?.to as string }
        : { kind: 'delete', tag: variables?.tag as string };
    let count = 0;
    const changed: Array<{ id: string; version: number }> = [];
    for (const [id, own] of tags) {
      const next = [...retag(own, change)];
      if (next.length !== own.length || next.some((tag, i) => tag !== own[i])) {
        count += 1;
        versions.set(id, (versions.get(id) ?? 1) + 1);
        changed.push({ id, version: versions.get(id) ?? 0 });
      }
      tags.set(id, next);
    }
    const field = name === 'SyncRenameTag' ? 'renameTag' : 'deleteTag';
    const tag = change.kind === 'rename' ? change.to : change.tag;
    return { [field]: { tag, transactionCount: count, changed } } as T;
  };
  return {
    transport,
    calls,
    tags,
    versions,
    fail(error: Error | null) {
      failWith = error;
    },
  };
}

let db: PaceDatabase;
let seed = 0;
beforeEach(async () => {
  db = new PaceDatabase(`tags-${++seed}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const tagsOf = async (id: string) => (await db.transactions.get(id))?.tags;
const seedRows = async (...rows: TransactionRecord[]) => {
  await db.transaction('rw', db.transactions, db.ledger, async () => {
    for (const r of rows) await saveTransaction(db, r.id, r);
  });
};

describe('a tag change on one transaction’s tags (the server’s rule)', () => {
  it.each([
    [['trip', 'food'], { kind: 'rename', from: 'trip', to: 'travel' }, ['travel', 'food']],
    [['trip', 'travel'], { kind: 'rename', from: 'trip', to: 'travel' }, ['travel']],
    [['travel', 'trip'], { kind: 'rename', from: 'trip', to: 'travel' }, ['travel']],
    [['food'], { kind: 'rename', from: 'trip', to: 'travel' }, ['food']],
    [['trip', 'food'], { kind: 'delete', tag: 'trip' }, ['food']],
    [['food'], { kind: 'delete', tag: 'trip' }, ['food']],
  ] as const)('%j with %j gives %j', (before, change, after) => {
    expect(retag(before, change)).toEqual(after);
  });
});

describe('renaming and removing tags on the device', () => {
  it('renames at once (merging, deleted-but-unsent rows too), spelt as the server will, and queues one rename', async () => {
    await seedRows(
      row('a', ['trip', 'food']),
      row('b', ['travel', 'trip']),
      row('c', ['food']),
      row('d', ['trip'], { deletedAt: 'now', pending: 1 }),
    );
    const result = await renameTag(db, '#Trip', '  TRAVEL ');
    expect(result).toEqual({
      ok: true,
      change: { kind: 'rename', from: 'trip', to: 'travel' },
      transactionCount: 2,
    });
    expect(await tagsOf('a')).toEqual(['travel', 'food']);
    expect(await tagsOf('b')).toEqual(['travel']);
    expect(await tagsOf('c')).toEqual(['food']);
    expect(await tagsOf('d')).toEqual(['travel']);
    expect((await db.transactions.get('a'))?.pending).toBe(1);
    expect((await db.transactions.get('c'))?.pending).toBe(0);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.operationName, e.variables])).toEqual([
      ['renameTag', { from: 'trip', to: 'travel' }],
    ]);
  });

  it('refuses a new name the tag rules refuse, and a same-name rename queues nothing', async () => {
    await seedRows(row('a', ['trip']));
    const tooLong = await renameTag(db, 'trip', 'x'.repeat(41));
    expect(tooLong).toMatchObject({ ok: false, problem: { kind: 'too_long', index: 1 } });
    expect(await renameTag(db, 'trip', '#TRIP')).toMatchObject({ ok: true, transactionCount: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await tagsOf('a')).toEqual(['trip']);
  });

  it('removes a tag at once and keeps the transactions', async () => {
    await seedRows(row('a', ['trip', 'food']), row('b', ['trip']));
    expect(await deleteTag(db, 'Trip')).toMatchObject({ ok: true, transactionCount: 2 });
    expect(await tagsOf('a')).toEqual(['food']);
    expect(await tagsOf('b')).toEqual([]);
    expect(await db.transactions.count()).toBe(2);
    expect((await db.outbox.toArray()).map((e) => [e.operationName, e.variables])).toEqual([
      ['deleteTag', { tag: 'trip' }],
    ]);
  });
});

describe('replaying tag changes', () => {
  it('keeps an offline rename queued, sends it once back online, and settles the device', async () => {
    const api = fakeApi();
    await seedRows(row('a', ['trip']));
    api.tags.set('a', ['trip']);
    await renameTag(db, 'trip', 'travel');
    api.fail(new NetworkUnavailableError());
    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 0, stoppedBy: 'network' });
    expect(await db.outbox.count()).toBe(1);
    api.fail(null);
    expect(await replayOutbox(db, api.transport)).toEqual({
      sent: 1,
      conflicts: 0,
      stoppedBy: null,
    });
    expect(api.tags.get('a')).toEqual(['travel']);
    expect(await db.outbox.count()).toBe(0);
    expect(await tagsOf('a')).toEqual(['travel']);
    expect((await db.transactions.get('a'))?.pending).toBe(0);
    expect(await db.meta.count()).toBe(0);
  });

  it('replays in order: a create queued before the rename ends with the new name on both sides', async () => {
    const api = fakeApi();
    const id = await addTransaction(db, {
      amountMinor: 500,
      currency: 'USD',
      categoryId: 'groceries',
      bookedOn: DAY,
      tags: ['trip'],
    });
    await renameTag(db, 'trip', 'travel');
    expect(await tagsOf(id)).toEqual(['travel']);
    await replayOutbox(db, api.transport);
    expect(api.calls).toEqual(['SyncCreateTransaction', 'SyncRenameTag']);
    expect(api.tags.get(id)).toEqual(['travel']);
    // The create's answer still had the old name; the rename's answer lays the new one over it.
    expect(await tagsOf(id)).toEqual(['travel']);
    expect((await db.transactions.get(id))?.pending).toBe(0);
  });

  it('sends an edit made offline after an offline rename against the version the rename left: no conflict', async () => {
    const api = fakeApi();
    await seedRows(row('a', ['trip']), row('b', ['trip']));
    api.tags.set('a', ['trip']).set('b', ['trip']);
    // Another device edited b meanwhile: the server holds version 2 of it.
    api.versions.set('b', 2);
    await renameTag(db, 'trip', 'travel');
    await editTransaction(db, 'a', { note: 'train', tags: ['travel', 'work'] });
    await editTransaction(db, 'b', { note: 'bus' });
    expect(await replayOutbox(db, api.transport)).toEqual({
      sent: 3,
      conflicts: 1,
      stoppedBy: null,
    });
    expect(api.calls).toEqual(['SyncRenameTag', 'SyncUpdateTransaction', 'SyncUpdateTransaction']);
    // a: the rename (version 2) and the edit on top of it (version 3), nothing to settle.
    expect(api.tags.get('a')).toEqual(['travel', 'work']);
    expect(api.versions.get('a')).toBe(3);
    // b really was edited elsewhere: its edit is still the person's choice to make.
    const conflicts = await db.conflicts.toArray();
    expect(conflicts.map((conflict) => conflict.id)).toEqual(['b']);
  });

  it('keeps a refused change for the person: discarding gives the tags back, retrying sends it again', async () => {
    const api = fakeApi();
    await seedRows(row('a', ['trip', 'food']), row('b', ['trip']));
    api.tags.set('a', ['trip', 'food']);
    api.tags.set('b', ['trip']);
    await deleteTag(db, 'trip');
    const recordId = (await db.outbox.toArray())[0]?.recordId ?? '';
    api.fail(new GraphqlRequestError('FORBIDDEN', null));
    expect(await replayOutbox(db, api.transport)).toMatchObject({ sent: 0, conflicts: 1 });
    const [rejected] = await db.conflicts.toArray();
    expect(rejected).toMatchObject({
      kind: 'rejected',
      operationName: 'deleteTag',
      code: 'FORBIDDEN',
    });

    // Retry: queued again, sent, and the server now agrees with the device.
    await resolveConflict(db, rejected!, 'mine');
    api.fail(null);
    await replayOutbox(db, api.transport);
    expect(api.tags.get('a')).toEqual(['food']);
    expect(await tagsOf('a')).toEqual(['food']);
    expect(await db.meta.get(tagUndoKeyOf(recordId))).toBeUndefined();

    // Discard: a second refused change is undone on the device, an edit made since is kept.
    await seedRows(row('c', ['work']), row('e', ['work']));
    await renameTag(db, 'work', 'job');
    await db.transactions.update('e', { tags: ['job', 'mine'] });
    api.fail(new GraphqlRequestError('FORBIDDEN', null));
    await replayOutbox(db, api.transport);
    const [second] = await db.conflicts.toArray();
    await resolveConflict(db, second!, 'theirs');
    expect(await tagsOf('c')).toEqual(['work']);
    expect((await db.transactions.get('c'))?.pending).toBe(0);
    expect(await tagsOf('e')).toEqual(['job', 'mine']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);
  });
});
