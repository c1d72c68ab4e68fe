import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase } from '@/lib/db';
import { pullChanges } from '@/lib/sync/pull';
import type { GraphqlTransport } from '@/lib/sync/transport';
import { csvMappingsFor, headerSignatureOf, type WireCsvMapping } from './csv-mapping-sync';

interface MappingChange {
  cursor: string;
  kind: 'CSV_MAPPING';
  id: string;
  deleted: boolean;
  csvMapping: WireCsvMapping;
}

const HEADER = ['Buchungstag', 'Wert', 'Empfänger'];

function mapping(id: string, changes: Partial<WireCsvMapping> = {}): WireCsvMapping {
  return {
    id,
    name: 'Sparkasse',
    header: HEADER,
    delimiter: ';',
    hasHeader: true,
    dateFormat: 'DD_MM_YYYY_DOTS',
    decimalSeparator: 'COMMA',
    signConvention: 'NEGATIVE_IS_EXPENSE',
    accountId: null,
    columns: {
      date: 'Buchungstag',
      amount: 'Wert',
      debit: null,
      credit: null,
      payee: 'Empfänger',
      memo: null,
      category: null,
      externalId: null,
      originalAmount: null,
      originalCurrency: null,
      rate: null,
    },
    updatedAt: '2026-03-10T15:00:00.000Z',
    ...changes,
  };
}

function change(cursor: string, row: WireCsvMapping, deleted = false): MappingChange {
  return { cursor, kind: 'CSV_MAPPING', id: row.id, deleted, csvMapping: row };
}

/** A stand-in server answering `changes(since)` with one page per pull. */
function serverWith(pages: MappingChange[][]): GraphqlTransport {
  let pull = 0;
  return (async () => {
    const changes = pages[pull] ?? [];
    pull += 1;
    return { changes: { changes, cursor: changes.at(-1)?.cursor ?? 'end', hasMore: false } };
  }) as unknown as GraphqlTransport;
}

describe('the device mirror of saved CSV mappings', () => {
  let db: PaceDatabase;

  beforeEach(async () => {
    db = new PaceDatabase(`csv-mappings-${Math.random()}`);
    await db.open();
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('keeps a pulled mapping, replaces it when saved again, and drops it on a tombstone', async () => {
    const saved = mapping('m1');
    const resaved = mapping('m1', {
      dateFormat: 'DD_MM_YYYY',
      updatedAt: '2026-03-11T08:00:00.000Z',
    });
    const server = serverWith([
      [change('c1', saved)],
      [change('c2', resaved)],
      [change('c3', resaved, true)],
    ]);

    await pullChanges(db, server);
    expect(await db.csvMappings.toArray()).toEqual([
      { ...saved, headerSignature: headerSignatureOf(HEADER) },
    ]);

    await pullChanges(db, server);
    expect(await db.csvMappings.toArray()).toEqual([
      { ...resaved, headerSignature: headerSignatureOf(HEADER) },
    ]);

    await pullChanges(db, server);
    expect(await db.csvMappings.toArray()).toEqual([]);
    expect((await db.meta.get('changesCursor'))?.value).toBe('c3');
  });

  it('offers the mappings of the same header row offline, newest first', async () => {
    const older = mapping('m1', { name: 'Old', updatedAt: '2026-03-01T10:00:00.000Z' });
    const newer = mapping('m2', { name: 'New', updatedAt: '2026-03-09T10:00:00.000Z' });
    const otherBank = mapping('m3', { name: 'Card', header: ['Date', 'Amount'] });
    await pullChanges(
      db,
      serverWith([[change('c1', older), change('c2', newer), change('c3', otherBank)]]),
    );

    // The same bank's next export: spacing, quotes and case differ, the signature does not.
    const nextFile = [' "buchungstag"', 'WERT ', 'Empfänger'];
    expect((await csvMappingsFor(db, nextFile)).map((m) => m.name)).toEqual(['New', 'Old']);
    expect((await csvMappingsFor(db, ['Date', 'Amount'])).map((m) => m.name)).toEqual(['Card']);
    expect(await csvMappingsFor(db, ['Datum', 'Betrag'])).toEqual([]);
  });
});
