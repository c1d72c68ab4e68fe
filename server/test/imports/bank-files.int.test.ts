import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvMappings } from '../../src/features/imports';
import { transactions } from '../../src/features/transactions';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, fixedClock, ONBOARD } from '../budget/budget-client';

const clock = fixedClock('2026-03-10T09:00:00Z');
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, 'fixtures', name), 'utf8');
const CAMT = fixture('camt053-sample.xml');
const MT940 = fixture('mt940-sample.sta');

const REPORT = `importId committed replayed totalRows imported skipped failed
  rows { line status reason bookedOn amount direction payee memo categoryId externalId }`;
const PREVIEW = `mutation($input: ImportTransactionsInput!) { previewImport(input: $input) { ${REPORT} } }`;
const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { ${REPORT} } }`;
const MAPPING = `id name header delimiter hasHeader dateFormat decimalSeparator signConvention
  columns { date amount debit credit payee memo category externalId }`;
const LIST = `query($header: [String!]) { csvMappings(header: $header) { ${MAPPING} } }`;
const SAVE = `mutation($input: SaveCsvMappingInput!) { saveCsvMapping(input: $input) { csvMapping { ${MAPPING} } } }`;
const DELETE = `mutation($id: ID!) { deleteCsvMapping(id: $id) { deletedCsvMappingId } }`;

interface Report {
  committed: boolean;
  replayed: boolean;
  totalRows: number;
  imported: number;
  skipped: number;
  failed: number;
  rows: Array<{
    line: number;
    status: string;
    reason: string | null;
    bookedOn: string | null;
    amount: string | null;
    direction: string | null;
    payee: string | null;
    memo: string | null;
    externalId: string | null;
  }>;
}

describe(`bank files: camt.053, MT940 and saved CSV mappings (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function euroUser() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, {
      input: { currency: 'EUR', region: 'DE', timeZone: 'Europe/Berlin', income: '3000.00' },
    });
    const ledgerSize = async () => {
      const [row] = await api.container.database.db
        .select({ n: count() })
        .from(transactions)
        .where(eq(transactions.userId, user.userId));
      return row?.n ?? 0;
    };
    const run = async (query: string, format: string, content: string, extra = {}) => {
      const input = { importId: randomUUID(), format, content, ...extra };
      const data = await client.call<{ previewImport?: Report; importTransactions?: Report }>(
        query,
        { input },
      );
      return (data.previewImport ?? data.importTransactions) as Report;
    };
    return { user, client, ledgerSize, run };
  }

  it('camt.053: the preview lists every entry and the pending one as skipped, writing nothing', async () => {
    const { run, ledgerSize } = await euroUser();
    const preview = await run(PREVIEW, 'CAMT053', CAMT);
    expect(preview).toMatchObject({ committed: false, totalRows: 5, skipped: 1, failed: 0 });
    expect(preview.rows.map((r) => [r.status, r.bookedOn, r.direction, r.amount, r.payee])).toEqual(
      [
        ['READY', '2026-03-03', 'EXPENSE', '23.40', 'Müller Bäckerei'],
        ['READY', '2026-03-04', 'INCOME', '2850.00', 'Nordlicht Logistik GmbH'],
        ['READY', '2026-03-05', 'EXPENSE', '96.20', 'Stadtwerke Köln'],
        ['READY', '2026-03-05', 'EXPENSE', '45.50', 'Fitnessstudio Öztürk'],
        ['SKIPPED', '2026-03-09', 'EXPENSE', '12.99', 'Streamingdienst Europa'],
      ],
    );
    expect(preview.rows[4]?.reason).toBe('the bank has not booked this entry yet (status PDNG)');
    expect(await ledgerSize()).toBe(0);
  });

  it.each([
    ['CAMT053', CAMT, 4, 5],
    ['MT940', MT940, 6, 6],
  ] as const)(
    '%s: imports once; a re-import of the file imports nothing twice',
    async (format, content, booked, rows) => {
      const { run, ledgerSize } = await euroUser();
      const first = await run(IMPORT, format, content);
      expect(first).toMatchObject({
        committed: true,
        imported: booked,
        totalRows: rows,
        failed: 0,
      });
      expect(await ledgerSize()).toBe(booked);
      const again = await run(IMPORT, format, content);
      expect(again).toMatchObject({ committed: true, imported: 0, skipped: rows });
      expect(await ledgerSize()).toBe(booked);
      const stored = await api.container.database.db
        .select({ externalId: transactions.externalId })
        .from(transactions);
      const ids = stored.map((r) => r.externalId);
      for (const row of again.rows.filter((r) => !r.reason?.includes('not booked')))
        expect(ids).toContain(row.externalId);
    },
  );

  it('MT940: the German purpose and payee, the year-crossing entry date, a reversal as income', async () => {
    const { run } = await euroUser();
    const preview = await run(PREVIEW, 'MT940', MT940);
    expect(preview.rows.map((r) => [r.bookedOn, r.direction, r.amount, r.payee, r.memo])).toEqual([
      ['2026-03-02', 'EXPENSE', '23.40', 'Müller Bäckerei', 'Kartenzahlung 02.03 08:12 Broetchen'],
      ['2026-03-04', 'INCOME', '2850.00', 'Nordlicht Logistik GmbH', 'Gehalt März 2026'],
      ['2026-03-05', 'EXPENSE', '96.20', 'Stadtwerke Köln', 'Abschlag Strom März'],
      ['2026-03-06', 'EXPENSE', '45.50', 'Fitnessstudio Öztürk', 'Mitgliedsbeitrag März 2026'],
      ['2026-03-06', 'INCOME', '12.00', 'Streamingdienst Europa', 'Rueckbuchung Lastschrift'],
      ['2026-01-02', 'EXPENSE', '8.75', '', 'Cafe am Dom Köln Kartenzahlung'],
    ]);
  });

  it('a statement entry already in the ledger from a CSV without bank ids is a duplicate', async () => {
    const { run, ledgerSize } = await euroUser();
    await run(IMPORT, 'CSV', 'date,amount,payee\n2026-03-04,2850.00,Nordlicht Logistik GmbH\n', {
      csv: {
        delimiter: ',',
        hasHeader: true,
        columns: { date: 'date', amount: 'amount', payee: 'payee' },
      },
    });
    for (const [format, content] of [
      ['CAMT053', CAMT],
      ['MT940', MT940],
    ] as const) {
      const preview = await run(PREVIEW, format, content);
      const duplicates = preview.rows.filter((r) =>
        r.reason?.startsWith('same date, amount and payee'),
      );
      expect(duplicates.map((r) => r.payee)).toEqual(['Nordlicht Logistik GmbH']);
    }
    expect(await ledgerSize()).toBe(1);
  });

  it.each([
    [
      'CAMT053',
      CAMT.replace('<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE d [<!ENTITY e "x">]>'),
    ],
    ['CAMT053', CAMT.replace('</BkToCstmrStmt>', '')],
    ['CAMT053', CAMT.replace('camt.053.001.02', 'camt.054.001.02')],
    ['MT940', 'date,amount\n2026-03-01,-1.00\n'],
    ['MT940', MT940.replace(/EUR/g, 'USD')],
  ])(
    'a malformed %s file gives IMPORT_FILE_INVALID and stores nothing',
    async (format, content) => {
      const { client, ledgerSize } = await euroUser();
      for (const query of [PREVIEW, IMPORT]) {
        const response = await client.raw(query, {
          input: { importId: randomUUID(), format, content },
        });
        expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
        expect(response.errors?.[0]?.extensions?.reason).toBe('IMPORT_FILE_INVALID');
      }
      expect(await ledgerSize()).toBe(0);
    },
  );

  it('a strict import of a statement with one unreadable entry stores nothing', async () => {
    const { run, ledgerSize } = await euroUser();
    const broken = CAMT.replace(
      '<Dt>2026-03-04</Dt></BookgDt>',
      '<Dt>2026-02-30</Dt></BookgDt>',
    ).replace('<ValDt><Dt>2026-03-04</Dt></ValDt>', '');
    const report = await run(IMPORT, 'CAMT053', broken, { mode: 'STRICT' });
    expect(report).toMatchObject({ committed: false, imported: 0, failed: 1 });
    expect(await ledgerSize()).toBe(0);
  });

  it('saves a CSV mapping per bank, offers it for the same header, replaces and deletes it', async () => {
    const owner = await euroUser();
    const intruder = await euroUser();
    const header = ['Buchungstag', 'Betrag', 'Empfänger', 'Verwendungszweck'];
    const input = {
      name: 'Sparkasse',
      header,
      delimiter: ';',
      columns: {
        date: 'Buchungstag',
        amount: 'Betrag',
        payee: 'Empfänger',
        memo: 'Verwendungszweck',
      },
      dateFormat: 'DD_MM_YYYY_DOTS',
      decimalSeparator: 'COMMA',
    };
    type Saved = {
      saveCsvMapping: {
        csvMapping: { id: string; name: string; columns: Record<string, string | null> };
      };
    };
    const saved = (await owner.client.call<Saved>(SAVE, { input })).saveCsvMapping.csvMapping;
    expect(saved).toMatchObject({
      name: 'Sparkasse',
      columns: { date: 'Buchungstag', debit: null },
    });

    const offered = await owner.client.call<{ csvMappings: Array<{ id: string }> }>(LIST, {
      header: [' buchungstag', 'BETRAG ', '"Empfänger"', 'Verwendungszweck'],
    });
    expect(offered.csvMappings.map((m) => m.id)).toEqual([saved.id]);
    const other = await owner.client.call<{ csvMappings: unknown[] }>(LIST, {
      header: ['date', 'amount'],
    });
    expect(other.csvMappings).toEqual([]);
    expect(
      (await intruder.client.call<{ csvMappings: unknown[] }>(LIST, { header })).csvMappings,
    ).toEqual([]);

    // The saved mapping reads the bank's file.
    const file =
      'Buchungstag;Betrag;Empfänger;Verwendungszweck\n03.03.2026;-1.234,56;Möbelhaus;Sofa\n';
    const mapping = (
      await owner.client.call<{
        csvMappings: Array<{
          delimiter: string;
          columns: Record<string, string | null>;
          dateFormat: string;
          decimalSeparator: string;
        }>;
      }>(LIST, { header })
    ).csvMappings[0];
    const columns = Object.fromEntries(
      Object.entries(mapping?.columns ?? {}).filter(([, v]) => v !== null),
    );
    const preview = await owner.run(PREVIEW, 'CSV', file, {
      csv: { delimiter: mapping?.delimiter, hasHeader: true, columns },
      dateFormat: mapping?.dateFormat,
      decimalSeparator: mapping?.decimalSeparator,
    });
    expect(preview.rows[0]).toMatchObject({
      bookedOn: '2026-03-03',
      amount: '1234.56',
      payee: 'Möbelhaus',
    });

    const replaced = (
      await owner.client.call<Saved>(SAVE, {
        input: { ...input, columns: { ...input.columns, amount: null, debit: 'Betrag' } },
      })
    ).saveCsvMapping.csvMapping;
    expect(replaced.id).toBe(saved.id);
    expect(replaced.columns.debit).toBe('Betrag');

    const invalid = await owner.client.raw(SAVE, {
      input: { ...input, name: 'Other', columns: { date: 'Datum', amount: 'Betrag' } },
    });
    expect(invalid.errors?.[0]?.extensions?.reason).toBe('CSV_MAPPING_INVALID');
    const noAmount = await owner.client.raw(SAVE, {
      input: { ...input, name: 'Other', columns: { date: 'Buchungstag' } },
    });
    expect(noAmount.errors?.[0]?.extensions?.reason).toBe('CSV_MAPPING_INVALID');

    expect(errorCodes(await intruder.client.raw(DELETE, { id: saved.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await owner.client.raw(DELETE, { id: 'not-a-uuid' }))).toEqual(['NOT_FOUND']);
    await owner.client.call(DELETE, { id: saved.id });
    // A delete leaves a tombstone for sync (changes since): no live mapping is left.
    const [left] = await api.container.database.db
      .select({ n: count() })
      .from(csvMappings)
      .where(and(eq(csvMappings.userId, owner.user.userId), isNull(csvMappings.deletedAt)));
    expect(left?.n).toBe(0);
  });
});
