import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerOf, PaceDatabase } from '@/lib/db';
import {
  addTransaction,
  deleteTransaction,
  editTransaction,
  onLocalWrite,
  restoreTransaction,
} from './outbox';
import { pullChanges } from './pull';
import { replayOutbox } from './replay';
import { resolveConflict } from './conflicts';
import { GraphqlRequestError, NetworkUnavailableError, type GraphqlTransport } from './transport';

/** A fake API holding transactions with versions, answering the outbox's mutations. */
function fakeApi() {
  const rows = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  let online = true;
  let seq = 0;
  const log: { seq: number; id: string }[] = [];
  const wire = (row: Record<string, unknown>) => ({ ...row });
  const transport: GraphqlTransport = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    if (!online) throw new NetworkUnavailableError();
    const name = /(?:mutation|query) (\w+)/.exec(query)![1]!;
    calls.push(name);
    const input = variables?.input as Record<string, unknown> | undefined;
    const touch = (id: string) => log.push({ seq: ++seq, id });
    if (name === 'SyncCreateTransaction') {
      const id = input!.id as string;
      if (!rows.has(id)) {
        rows.set(id, {
          id,
          amount: { amount: input!.amount, currency: 'USD' },
          bookedOn: input!.bookedOn,
          categoryId: input!.categoryId,
          deletedAt: null,
          description: input!.description ?? '',
          direction: 'EXPENSE',
          merchant: null,
          occurredAt: input!.occurredAt,
          source: 'MANUAL',
          updatedAt: 'now',
          version: 1,
        });
        touch(id);
      }
      return { createTransaction: { conflict: false, transaction: wire(rows.get(id)!) } } as T;
    }
    if (name === 'SyncUpdateTransaction') {
      const row = rows.get(input!.id as string)!;
      if (row.version !== input!.baseVersion)
        return { updateTransaction: { conflict: true, transaction: wire(row) } } as T;
      if (input!.amount) row.amount = { amount: input!.amount, currency: 'USD' };
      if (input!.description !== undefined) row.description = input!.description;
      row.version = (row.version as number) + 1;
      touch(row.id as string);
      return { updateTransaction: { conflict: false, transaction: wire(row) } } as T;
    }
    if (name === 'SyncDeleteTransaction' || name === 'SyncRestoreTransaction') {
      const row = rows.get(variables!.id as string)!;
      row.deletedAt = name === 'SyncDeleteTransaction' ? 'now' : null;
      row.version = (row.version as number) + 1;
      touch(row.id as string);
      const field = name === 'SyncDeleteTransaction' ? 'deleteTransaction' : 'restoreTransaction';
      return { [field]: { conflict: false, transaction: wire(row) } } as T;
    }
    if (name === 'SyncChanges') {
      const since = Number(variables?.since ?? 0);
      const latest = new Map<string, number>();
      for (const entry of log) if (entry.seq > since) latest.set(entry.id, entry.seq);
      const changes = [...latest.entries()]
        .sort((a, b) => a[1] - b[1])
        .map(([id, at]) => {
          const row = rows.get(id)!;
          return {
            id,
            kind: 'TRANSACTION',
            deleted: row.deletedAt !== null,
            cursor: String(at),
            settings: null,
            plan: null,
            category: null,
            adjustment: null,
            goal: null,
            transaction: wire(row),
          };
        });
      return { changes: { cursor: String(seq), hasMore: false, changes } } as T;
    }
    throw new Error(`unexpected ${name}`);
  };
  return {
    rows,
    calls,
    transport,
    setOnline: (value: boolean) => (online = value),
    editElsewhere(id: string, description: string) {
      const row = rows.get(id)!;
      row.description = description;
      row.version = (row.version as number) + 1;
      log.push({ seq: ++seq, id });
    },
  };
}

const expense = (amountMinor: number, note?: string) => ({
  amountMinor,
  currency: 'USD',
  categoryId: 'groceries',
  bookedOn: '2026-03-14',
  note: note ?? null,
});

describe('the outbox', () => {
  let db: PaceDatabase;
  beforeEach(() => {
    db = new PaceDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps offline writes pending and sends each once, in order, with the edit folded in', async () => {
    const api = fakeApi();
    api.setOnline(false);
    const a = await addTransaction(db, expense(1230, 'a'));
    const b = await addTransaction(db, expense(450, 'b'));
    const c = await addTransaction(db, expense(999, 'c'));
    await editTransaction(db, b, { amountMinor: 500 });
    expect(
      await db.transactions
        .where('id')
        .anyOf(a, b, c)
        .filter((t) => t.pending === 1)
        .count(),
    ).toBe(3);
    expect((await replayOutbox(db, api.transport)).stoppedBy).toBe('network');
    expect(await db.outbox.count()).toBe(3);

    api.setOnline(true);
    await replayOutbox(db, api.transport);
    await replayOutbox(db, api.transport); // a second replay sends nothing more
    expect(api.calls).toEqual([
      'SyncCreateTransaction',
      'SyncCreateTransaction',
      'SyncCreateTransaction',
    ]);
    expect(api.rows.size).toBe(3);
    expect(api.rows.get(b)!.amount).toEqual({ amount: '5.00', currency: 'USD' });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.transactions.get(b))!).toMatchObject({
      amountMinor: 500,
      pending: 0,
      version: 1,
    });
  });

  it('turns an edit based on a stale version into a conflict with both versions', async () => {
    const api = fakeApi();
    const id = await addTransaction(db, expense(1000, 'lunch'));
    await replayOutbox(db, api.transport);
    api.editElsewhere(id, 'lunch with Sam');
    await editTransaction(db, id, { note: 'team lunch' });
    const result = await replayOutbox(db, api.transport);
    expect(result.conflicts).toBe(1);
    const conflict = (await db.conflicts.get(id))!;
    expect(conflict.kind).toBe('conflict');
    expect((conflict.variables.input as { description: string }).description).toBe('team lunch');
    expect(conflict.server).toMatchObject({ note: 'lunch with Sam', version: 2 });
    expect(api.rows.get(id)!.description).toBe('lunch with Sam');
  });

  it('keeping mine after a conflict shows my edit at once, wakes the sync and wins on replay', async () => {
    const api = fakeApi();
    const id = await addTransaction(db, expense(1000, 'lunch'));
    await replayOutbox(db, api.transport);
    api.editElsewhere(id, 'lunch with Sam');
    await editTransaction(db, id, { note: 'team lunch', amountMinor: 1250 });
    await replayOutbox(db, api.transport);
    const conflict = (await db.conflicts.get(id))!;
    expect((await db.transactions.get(id))!.note).toBe('lunch with Sam');

    let woken = 0;
    const stop = onLocalWrite(() => (woken += 1));
    try {
      await resolveConflict(db, conflict, 'mine');
    } finally {
      stop();
    }
    expect(woken).toBe(1);
    expect(await db.conflicts.count()).toBe(0);
    expect((await db.transactions.get(id))!).toMatchObject({
      note: 'team lunch',
      amountMinor: 1250,
      pending: 1,
    });
    expect((await db.ledger.get('2026-03'))?.sums).toEqual({ '2026-03-14|groceries|USD': 1250 });

    const replay = await replayOutbox(db, api.transport);
    expect(replay).toMatchObject({ sent: 1, conflicts: 0 });
    expect(api.rows.get(id)!.description).toBe('team lunch');
    expect((await db.transactions.get(id))!).toMatchObject({ note: 'team lunch', pending: 0 });
  });

  it('keeps the month ledger equal to the live expenses through adds, edits, deletes and pulls', async () => {
    const api = fakeApi();
    const a = await addTransaction(db, expense(1230));
    const b = await addTransaction(db, { ...expense(450), bookedOn: '2026-04-02' });
    await editTransaction(db, a, { amountMinor: 1000, bookedOn: '2026-03-15' });
    await deleteTransaction(db, b);
    await replayOutbox(db, api.transport);
    api.editElsewhere(a, 'changed elsewhere');
    await pullChanges(db, api.transport);
    const expected = ledgerOf(await db.transactions.toArray());
    const stored = (await db.ledger.toArray()).filter((row) => Object.keys(row.sums).length > 0);
    expect(stored).toEqual(expected);
    expect((await db.ledger.get('2026-03'))?.sums).toEqual({ '2026-03-15|groceries|USD': 1000 });
    expect((await db.ledger.get('2026-04'))?.sums ?? {}).toEqual({});
  });

  it('keeps a refused create as a rejection until the person discards it', async () => {
    const refusing: GraphqlTransport = () =>
      Promise.reject(new GraphqlRequestError('TRANSACTION_INPUT_INVALID', null));
    const id = await addTransaction(db, expense(100));
    const result = await replayOutbox(db, refusing);
    expect(result).toMatchObject({ conflicts: 1, stoppedBy: null });
    expect(await db.outbox.count()).toBe(0);
    const rejection = (await db.conflicts.get(id))!;
    expect(rejection).toMatchObject({ kind: 'rejected', code: 'TRANSACTION_INPUT_INVALID' });
    expect(await db.transactions.get(id)).toBeDefined();
    await resolveConflict(db, rejection, 'theirs');
    expect(await db.transactions.get(id)).toBeUndefined();
    expect((await db.ledger.get('2026-03'))?.sums).toEqual({});
  });

  it('undoes an unsent delete without telling the server', async () => {
    const api = fakeApi();
    const id = await addTransaction(db, expense(700));
    await replayOutbox(db, api.transport);
    await deleteTransaction(db, id);
    await restoreTransaction(db, id);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.transactions.get(id))!.deletedAt).toBeNull();
  });

  it('pulls changes made elsewhere and keeps records with queued mutations as they are here', async () => {
    const api = fakeApi();
    const id = await addTransaction(db, expense(1000, 'x'));
    await replayOutbox(db, api.transport);
    api.editElsewhere(id, 'from the phone');
    expect(await pullChanges(db, api.transport)).toBe(1);
    expect((await db.transactions.get(id))!.note).toBe('from the phone');

    await editTransaction(db, id, { note: 'mine, queued' });
    api.editElsewhere(id, 'again elsewhere');
    await pullChanges(db, api.transport);
    expect((await db.transactions.get(id))!.note).toBe('mine, queued');
  });
});
