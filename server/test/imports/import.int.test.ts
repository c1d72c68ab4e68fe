import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactions } from '../../src/features/transactions';
import { bearer, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { subscribe } from '../subscriptions';
import {
  budgetClient,
  cents,
  CREATE,
  fixedClock,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from '../budget/budget-client';

// 2026-03-01 10:00 in New York: the plan starts on the 1st, so every March row counts.
const clock = fixedClock('2026-03-01T15:00:00Z');

const REPORT = `importId committed replayed totalRows imported skipped failed months rowsTruncated
  rows { line status reason bookedOn amount direction payee memo categoryId externalId }`;
const PREVIEW = `mutation($input: ImportTransactionsInput!) { previewImport(input: $input) { ${REPORT} } }`;
const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { ${REPORT} } }`;
const IMPORT_JOB = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { ${REPORT} status progress failure } }`;
const REPORT_QUERY = `query($id: ID!) { importReport(importId: $id) { ${REPORT} status progress failure } }`;
interface JobState {
  status: string;
  progress: number;
  failure: string | null;
}
const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id name } } }`;
const EXPORT = `query($filter: TransactionFilter) { exportTransactions(filter: $filter) { filename contentType content } }`;

interface Report {
  importId: string;
  committed: boolean;
  replayed: boolean;
  totalRows: number;
  imported: number;
  skipped: number;
  failed: number;
  months: string[];
  rows: Array<{
    line: number;
    status: string;
    reason: string | null;
    amount: string | null;
    payee: string | null;
    categoryId: string | null;
    externalId: string | null;
  }>;
}

const CSV_OPTIONS = {
  delimiter: ',',
  hasHeader: true,
  columns: {
    date: 'date',
    amount: 'amount',
    payee: 'payee',
    memo: 'memo',
    category: 'category',
    externalId: 'id',
  },
};
const csvInput = (content: string, extra: Record<string, unknown> = {}) => ({
  importId: randomUUID(),
  format: 'CSV',
  content,
  csv: CSV_OPTIONS,
  ...extra,
});

/** A bank CSV of `n` March expenses with distinct payees and bank ids; amounts 0.01 to 99.99. */
function bankCsv(n: number, prefix = 'T'): { content: string; totalMinor: number } {
  const categories = ['groceries', 'dining_out', ''];
  let totalMinor = 0;
  const lines = ['date,amount,payee,memo,category,id'];
  for (let i = 0; i < n; i += 1) {
    const minor = ((i * 7919) % 9999) + 1;
    totalMinor += minor;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `2026-03-${day},-${(minor / 100).toFixed(2)},Shop ${prefix}${i},row ${i},${categories[i % 3] ?? ''},${prefix}${i}`,
    );
  }
  return { content: `${lines.join('\n')}\n`, totalMinor };
}

describe(`imports and export (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function onboarded() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const ledgerSize = async () => {
      const [row] = await api.container.database.db
        .select({ n: count() })
        .from(transactions)
        .where(and(eq(transactions.userId, user.userId)));
      return row?.n ?? 0;
    };
    const month = async () =>
      (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth;
    const importFile = async (input: Record<string, unknown>) =>
      (await client.call<{ importTransactions: Report }>(IMPORT, { input })).importTransactions;
    return { user, client, ledgerSize, month, importFile };
  }

  it('previews without writing anything', async () => {
    const { client, ledgerSize, month } = await onboarded();
    const before = await month();
    const { content } = bankCsv(30);
    const preview = (
      await client.call<{ previewImport: Report }>(PREVIEW, {
        input: { ...csvInput(content), previewRows: 5 },
      })
    ).previewImport;
    expect(preview).toMatchObject({
      committed: false,
      totalRows: 30,
      imported: 0,
      skipped: 0,
      failed: 0,
    });
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      status: 'READY',
      amount: '0.01',
      payee: 'Shop T0',
      categoryId: 'groceries',
      externalId: 'T0',
    });
    expect(await ledgerSize()).toBe(0);
    expect(await month()).toEqual(before);
  });

  it('imports 10,000 CSV rows as a job with progress, once however often it is sent, and the month adds up to the cent', async () => {
    const { user, client, ledgerSize, month, importFile } = await onboarded();
    const { content, totalMinor } = bankCsv(10_000);
    const input = csvInput(content);
    const started = performance.now();
    const queued = await client.call<{ importTransactions: Report & JobState }>(IMPORT_JOB, {
      input,
    });
    const answeredMs = Math.round(performance.now() - started);
    // The request only parses and queues: nothing is imported while it is answered.
    expect(queued.importTransactions).toMatchObject({
      status: 'QUEUED',
      progress: 0,
      committed: false,
      totalRows: 10_000,
      imported: 0,
    });
    const replay = await importFile(input);
    expect(replay).toMatchObject({ replayed: true, totalRows: 10_000 });
    const seen = new Set<string>();
    let finished: (Report & JobState) | undefined;
    for (let i = 0; i < 600 && !finished; i += 1) {
      // Embedded, the job runs on the test's own event loop: a poll may meet a kept-alive socket
      // the server closes just then (ECONNRESET); the next poll opens a new one.
      const answer = await client
        .call<{ importReport: Report & JobState }>(REPORT_QUERY, { id: input.importId })
        .catch((error: unknown) => {
          if (error instanceof TypeError && error.message === 'fetch failed') return null;
          throw error;
        });
      if (!answer) continue;
      const state = answer.importReport;
      seen.add(state.status);
      if (state.status === 'DONE' || state.status === 'FAILED') finished = state;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.info(
      `[imports] 10,000-row CSV: answered in ${answeredMs} ms, imported by the job in ${Math.round(performance.now() - started)} ms (${TEST_MODE}, ${Math.round(content.length / 1024)} KiB)`,
    );
    expect(finished).toMatchObject({
      status: 'DONE',
      progress: 100,
      failure: null,
      committed: true,
      totalRows: 10_000,
      imported: 10_000,
      skipped: 0,
      failed: 0,
      months: ['2026-03'],
      rows: [],
    });
    expect(await ledgerSize()).toBe(10_000);
    expect(cents((await month()).totals.spent.amount)).toBe(totalMinor);
    // Sent again after it finished: the same report, nothing imported twice.
    expect(await importFile(input)).toMatchObject({ imported: 10_000, replayed: true });
    expect(await ledgerSize()).toBe(10_000);
    // Another person cannot read it.
    const stranger = await signUp(api);
    const foreign = await api.graphql(
      REPORT_QUERY,
      { id: input.importId },
      bearer(stranger.accessToken),
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'IMPORT_NOT_FOUND',
    });
    expect(user.userId).not.toBe(stranger.userId);
  });

  it('refuses a large file whose mapping names no column before queueing anything', async () => {
    const { client, ledgerSize } = await onboarded();
    const { content } = bankCsv(2_500);
    const input = csvInput(content, {
      csv: { ...CSV_OPTIONS, columns: { date: 'no such column' } },
    });
    const sent = await client
      .call<{ importTransactions: Report & JobState }>(IMPORT_JOB, { input })
      .catch((error: unknown) => error);
    // A mapping that names no column is refused before anything is queued.
    expect(String(sent)).toMatch(/BAD_USER_INPUT|column/);
    expect(await ledgerSize()).toBe(0);
  });

  it('imports nothing in strict mode when one row is bad, and skips that row in lenient mode', async () => {
    const { ledgerSize, month, importFile } = await onboarded();
    const before = await month();
    const good = bankCsv(100).content.trimEnd().split('\n');
    good.splice(51, 0, '2026-03-10,-12.345,Too precise,,,BAD1');
    const content = `${good.join('\n')}\n`;
    const strict = await importFile(csvInput(content));
    expect(strict).toMatchObject({
      committed: false,
      imported: 0,
      failed: 1,
      totalRows: 101,
      months: [],
    });
    expect(strict.rows).toEqual([
      expect.objectContaining({
        line: 52,
        status: 'FAILED',
        reason: '"-12.345" is not an amount in USD',
      }),
    ]);
    expect(await ledgerSize()).toBe(0);
    expect(await month()).toEqual(before);

    const lenient = await importFile(csvInput(content, { mode: 'LENIENT' }));
    expect(lenient).toMatchObject({ committed: true, imported: 100, failed: 1, totalRows: 101 });
    expect(await ledgerSize()).toBe(100);
  });

  it('skips duplicates by bank id and by date, amount and a similar payee', async () => {
    const { client, ledgerSize, importFile } = await onboarded();
    const ofx = `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305<TRNAMT>-42.17<FITID>F1<NAME>WHOLE FOODS</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260306<TRNAMT>-5.00<FITID>F2<NAME>CORNER CAFE</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    const first = await importFile({ importId: randomUUID(), format: 'OFX', content: ofx });
    expect(first).toMatchObject({ committed: true, imported: 2, skipped: 0 });
    const again = await importFile({ importId: randomUUID(), format: 'QFX', content: ofx });
    expect(again).toMatchObject({ committed: true, imported: 0, skipped: 2 });
    expect(again.rows.map((r) => r.reason)).toEqual([
      'bank id F1 is already in the ledger',
      'bank id F2 is already in the ledger',
    ]);

    await client.call(CREATE, {
      input: {
        amount: '18.50',
        categoryId: 'dining_out',
        merchant: 'Luigi’s Pizza',
        bookedOn: '2026-03-07',
      },
    });
    const csv =
      'date,amount,payee\n03/07/2026,-18.50,"LUIGI\'S PIZZA"\n03/07/2026,-18.50,Other Place\n';
    const similar = await importFile({
      importId: randomUUID(),
      format: 'CSV',
      content: csv,
      dateFormat: 'MM_DD_YYYY',
      csv: { columns: { date: 'date', amount: 'amount', payee: 'payee' } },
    });
    expect(similar).toMatchObject({ imported: 1, skipped: 1 });
    expect(similar.rows[0]).toMatchObject({
      line: 2,
      status: 'SKIPPED',
      reason: 'same date, amount and payee as ledger transaction "Luigi’s Pizza"',
    });
    expect(await ledgerSize()).toBe(4);
  });

  it('keeps identical purchases of one day, and skips only as many as the ledger holds', async () => {
    const { ledgerSize, importFile } = await onboarded();
    const coffee = '2026-03-09,-3.80,Corner Cafe';
    const file = (n: number) => ({
      importId: randomUUID(),
      format: 'CSV',
      content: `date,amount,payee\n${Array.from({ length: n }, () => coffee).join('\n')}\n`,
      csv: { columns: { date: 'date', amount: 'amount', payee: 'payee' } },
    });
    expect(await importFile(file(2))).toMatchObject({ imported: 2, skipped: 0 });
    const overlapping = await importFile(file(3));
    expect(overlapping).toMatchObject({ committed: true, imported: 1, skipped: 2 });
    expect(overlapping.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'SKIPPED'],
      [3, 'SKIPPED'],
    ]);
    expect(await ledgerSize()).toBe(3);
  });

  it('tells the devices exactly the days an import changed', async () => {
    const { user, client, importFile } = await onboarded();
    const devices = await subscribe<{
      budgetUpdated: { cause: string; days: Array<{ date: string }> };
    }>(api.url, 'subscription { budgetUpdated { cause days { date } } }', {
      connectionParams: bearer(user.accessToken),
    });
    try {
      // A write before the import (its own event is read and set aside)…
      await client.call(CREATE, {
        input: { amount: '1.00', categoryId: 'groceries', bookedOn: '2026-03-02' },
      });
      expect((await devices.next()).budgetUpdated.days.map((d) => d.date)).toEqual(['2026-03-02']);
      // …is not in the import's event: only the day the file added to.
      await importFile({
        importId: randomUUID(),
        format: 'CSV',
        content: 'date,amount,payee\n2026-03-05,-1.00,Corner Shop\n',
        csv: { columns: { date: 'date', amount: 'amount', payee: 'payee' } },
      });
      expect((await devices.next()).budgetUpdated.days.map((d) => d.date)).toEqual(['2026-03-05']);
    } finally {
      await devices.close();
    }
  });

  it('books lines naming one of the user’s own categories, by name or id, on that category', async () => {
    const { user, client, month, importFile } = await onboarded();
    const created = await client.call<{ createCategory: { category: { id: string } } }>(
      CREATE_CATEGORY,
      { input: { name: 'Pet Supplies' } },
    );
    const petsId = created.createCategory.category.id;
    const csv = {
      columns: { date: 'date', amount: 'amount', payee: 'payee', category: 'category' },
    };
    const content = `date,amount,payee,category\n2026-03-04,-23.10,Pet World,pet SUPPLIES\n2026-03-05,-4.00,Vet,${petsId}\n`;
    const preview = (
      await client.call<{ previewImport: Report }>(PREVIEW, {
        input: { importId: randomUUID(), format: 'CSV', content, csv },
      })
    ).previewImport;
    expect(preview.rows.map((r) => [r.status, r.categoryId])).toEqual([
      ['READY', petsId],
      ['READY', petsId],
    ]);

    const report = await importFile({ importId: randomUUID(), format: 'CSV', content, csv });
    expect(report).toMatchObject({ committed: true, imported: 2, failed: 0 });
    const booked = await api.container.database.db
      .select({ categoryId: transactions.categoryId })
      .from(transactions)
      .where(eq(transactions.userId, user.userId));
    expect(booked.map((row) => row.categoryId)).toEqual([petsId, petsId]);
    expect((await month()).categories.find((c) => c.categoryId === petsId)).toMatchObject({
      spent: { amount: '27.10' },
    });

    // Another user's category is not this user's: by name or by id, it is unknown.
    const { importFile: importAsOther } = await onboarded();
    const refused = await importAsOther({ importId: randomUUID(), format: 'CSV', content, csv });
    expect(refused).toMatchObject({ committed: false, imported: 0, failed: 2 });
    expect(refused.rows.map((r) => r.reason)).toEqual([
      'unknown category "pet SUPPLIES"',
      `unknown category "${petsId}"`,
    ]);
  });

  it('returns the first report when the same import is replayed, and imports nothing twice', async () => {
    const { ledgerSize, importFile } = await onboarded();
    const input = csvInput(bankCsv(50).content);
    const first = await importFile(input);
    const replay = await importFile(input);
    expect(first).toMatchObject({ committed: true, replayed: false, imported: 50 });
    expect(replay).toEqual({ ...first, replayed: true });
    expect(await ledgerSize()).toBe(50);
    const other = budgetClient(api, await signUp(api));
    const taken = await other.raw(IMPORT, { input });
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses a file over the size limit and a CSV without a mapping', async () => {
    const { client } = await onboarded();
    const noMapping = await client.raw(IMPORT, {
      input: { importId: randomUUID(), format: 'CSV', content: 'a,b\n' },
    });
    expect(noMapping.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const notOfx = await client.raw(IMPORT, {
      input: { importId: randomUUID(), format: 'OFX', content: 'date,amount\n' },
    });
    expect(notOfx.errors?.[0]?.message).toContain('not OFX');
    const importService = api.container.services.imports.imports;
    const huge = {
      importId: randomUUID(),
      format: 'CSV' as const,
      content: 'x'.repeat(5 * 1024 * 1024 + 1),
      mode: 'STRICT' as const,
      dateFormat: 'YYYY-MM-DD' as const,
      decimalSeparator: '.' as const,
      signConvention: 'NEGATIVE_IS_EXPENSE' as const,
      csv: CSV_OPTIONS,
    };
    await expect(importService.import(randomUUID(), huge)).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      publicCode: 'BAD_USER_INPUT',
    });
  });

  it('exports a filter as CSV that imports back to the same transactions', async () => {
    const { client, importFile } = await onboarded();
    await importFile(csvInput(bankCsv(300).content));
    await client.call(CREATE, {
      input: {
        amount: '2500.00',
        direction: 'INCOME',
        categoryId: 'flex',
        description: 'Salary',
        bookedOn: '2026-03-02',
      },
    });
    const filter = { from: '2026-03-02', to: '2026-03-20', categoryIds: ['groceries', 'flex'] };
    const exported = (
      await client.call<{
        exportTransactions: { filename: string; contentType: string; content: string };
      }>(EXPORT, { filter })
    ).exportTransactions;
    expect(exported).toMatchObject({
      filename: 'pace-transactions-2026-03-01.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    const records = parse<Record<string, string>>(exported.content, { columns: true });
    const expected = bankCsv(300)
      .content.trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(
        ([date, , , , category]) =>
          date &&
          date >= '2026-03-02' &&
          date <= '2026-03-20' &&
          (category === 'groceries' || category === ''),
      );
    expect(records).toHaveLength(expected.length + 1);
    expect(
      records.every(
        (r) =>
          r.date &&
          r.date >= '2026-03-02' &&
          r.date <= '2026-03-20' &&
          ['groceries', 'flex'].includes(r.category ?? ''),
      ),
    ).toBe(true);
    expect(records.find((r) => r.memo === 'Salary')).toMatchObject({
      amount: '2500.00',
      direction: 'income',
      currency: 'USD',
    });
    const sumOf = (rows: Array<Record<string, string>>) =>
      rows.reduce((sum, r) => sum + cents(r.amount ?? '0'), 0);

    const { importFile: importElsewhere, client: elsewhere } = await onboarded();
    const back = await importElsewhere({
      importId: randomUUID(),
      format: 'CSV',
      content: exported.content,
      csv: {
        columns: {
          date: 'date',
          amount: 'amount',
          payee: 'payee',
          memo: 'memo',
          category: 'category',
          externalId: 'external_id',
        },
      },
    });
    expect(back).toMatchObject({
      committed: true,
      imported: records.length,
      skipped: 0,
      failed: 0,
    });
    const reExported = (
      await elsewhere.call<{ exportTransactions: { content: string } }>(EXPORT, { filter })
    ).exportTransactions;
    const again = parse<Record<string, string>>(reExported.content, { columns: true });
    const shape = (rows: Array<Record<string, string>>) =>
      rows
        .map(({ date, amount, direction, category, payee, memo, external_id }) => ({
          date,
          amount,
          direction,
          category,
          payee,
          memo,
          external_id,
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(shape(again)).toEqual(shape(records));
    expect(sumOf(again)).toBe(sumOf(records));
  });
});
