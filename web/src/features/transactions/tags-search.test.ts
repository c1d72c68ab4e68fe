import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase, type TransactionRecord } from '@/lib/db';
import { resolveConflict } from '@/lib/sync/conflicts';
import { addTransaction, editTransaction } from '@/lib/sync/outbox';
import { transactionRecordOf } from '@/lib/sync/mappers';
import { matches, NO_FILTERS, type TransactionFilters } from './use-transactions';

const base: TransactionRecord = {
  id: 'x',
  categoryId: 'coffee',
  direction: 'expense',
  amountMinor: 450,
  currency: 'USD',
  bookedOn: '2026-03-10',
  occurredAt: '2026-03-10T09:00:00Z',
  merchant: null,
  note: null,
  source: 'MANUAL',
  version: 1,
  updatedAt: '2026-03-10T09:00:00Z',
};
const ROWS: Record<string, TransactionRecord> = {
  latte: {
    ...base,
    id: 'latte',
    merchant: 'Corner Café',
    note: 'Flat white',
    tags: ['coffee', 'work'],
  },
  hotel: {
    ...base,
    id: 'hotel',
    amountMinor: 12000,
    merchant: 'Grand Hotel',
    note: 'Trip to Rome',
    tags: ['trip'],
  },
  espresso: {
    ...base,
    id: 'espresso',
    amountMinor: 300,
    merchant: 'Rome Airport Café',
    note: 'Espresso',
    tags: ['trip', 'coffee'],
  },
  market: { ...base, id: 'market', amountMinor: 5500, note: 'Weekly market' },
};

const found = (filters: Partial<TransactionFilters>) =>
  Object.values(ROWS)
    .filter((row) => matches(row, { ...NO_FILTERS, ...filters }))
    .map((row) => row.id)
    .sort();

describe('offline search on the device', () => {
  it.each([
    ['tags, any by default', { tags: ['coffee'] }, ['espresso', 'latte']],
    ['tags, all', { tags: ['trip', 'coffee'], tagMatch: 'all' }, ['espresso']],
    [
      'tags, any of two',
      { tags: ['trip', 'coffee'], tagMatch: 'any' },
      ['espresso', 'hotel', 'latte'],
    ],
    ['payee only in the merchant', { payee: 'CAFÉ' }, ['espresso', 'latte']],
    ['payee never in the note', { payee: 'espresso' }, []],
    ['note only in the note', { note: 'rome' }, ['hotel']],
    ['text in either', { text: 'rome' }, ['espresso', 'hotel']],
    ['tags + amount', { tags: ['trip'], minMinor: 10000 }, ['hotel']],
    ['payee + note + tags', { payee: 'airport', note: 'esp', tags: ['coffee'] }, ['espresso']],
    ['no filters', {}, ['espresso', 'hotel', 'latte', 'market']],
  ] as const)('%s', (_name, filters, expected) => {
    expect(found(filters as Partial<TransactionFilters>)).toEqual(expected);
  });
});

describe('tags through the outbox and sync', () => {
  let db: PaceDatabase;
  beforeEach(async () => {
    db = new PaceDatabase(`tags-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('stores normalised tags at once, indexed, and queues them with the create', async () => {
    const id = await addTransaction(db, {
      amountMinor: 450,
      currency: 'USD',
      categoryId: 'coffee',
      bookedOn: '2026-03-10',
      tags: ['#Trip', ' trip', 'Work  Lunch', ''],
    });
    expect((await db.transactions.get(id))?.tags).toEqual(['trip', 'work lunch']);
    expect(await db.transactions.where('tags').equals('trip').primaryKeys()).toEqual([id]);
    const [entry] = await db.outbox.toArray();
    expect((entry?.variables.input as { tags: string[] }).tags).toEqual(['trip', 'work lunch']);
  });

  it('folds a tag edit into the pending create, and sends an edit of a synced row', async () => {
    const id = await addTransaction(db, {
      amountMinor: 450,
      currency: 'USD',
      categoryId: 'coffee',
      bookedOn: '2026-03-10',
    });
    await editTransaction(db, id, { tags: ['Rome'] });
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect((entries[0]?.variables.input as { tags: string[] }).tags).toEqual(['rome']);

    await db.outbox.clear();
    await db.transactions.update(id, { version: 3, pending: 0 });
    await editTransaction(db, id, { tags: [] });
    const [update] = await db.outbox.toArray();
    expect(update?.operationName).toBe('updateTransaction');
    expect(update?.variables.input).toEqual({ id, baseVersion: 3, tags: [] });
    expect((await db.transactions.get(id))?.tags).toEqual([]);
  });

  it('keeping my tag edit after a conflict shows my tags at once and sends them again', async () => {
    const server: TransactionRecord = { ...base, id: 'c', version: 4, tags: ['theirs'] };
    await db.transactions.put(server);
    await resolveConflict(
      db,
      {
        id: 'c',
        kind: 'conflict',
        entity: 'transaction',
        operationName: 'updateTransaction',
        variables: { input: { id: 'c', baseVersion: 3, tags: ['mine', 'trip'] } },
        server,
        code: null,
        detectedAt: 'now',
      },
      'mine',
    );
    expect((await db.transactions.get('c'))?.tags).toEqual(['mine', 'trip']);
    const [entry] = await db.outbox.toArray();
    expect(entry?.variables.input).toEqual({ id: 'c', baseVersion: 4, tags: ['mine', 'trip'] });
  });

  it('mirrors the tags a change carries', () => {
    const record = transactionRecordOf({
      id: 'a',
      amount: { amount: '4.50', currency: 'USD' },
      bookedOn: '2026-03-10',
      categoryId: 'coffee',
      description: '',
      direction: 'EXPENSE',
      occurredAt: '2026-03-10T09:00:00Z',
      source: 'MANUAL',
      tags: ['trip'],
      updatedAt: 'now',
      version: 2,
    });
    expect(record.tags).toEqual(['trip']);
  });
});
