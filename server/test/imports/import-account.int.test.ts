import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { balancesByName, createMoneyAccount } from '../money-accounts/accounts-client';
import { budgetClient, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

/**
 * A bank file is booked into one money account (docs/accounts.md, bank-files.md): every row of
 * the import moves it, large files imported by a job included; a saved CSV mapping remembers it.
 */

// 2026-03-10 10:00 in New York.
const clock = fixedClock('2026-03-10T15:00:00Z');

const IMPORT = `mutation($input: ImportTransactionsInput!) { importBankFile(input: $input) { report { importId committed imported status } } }`;
const PREVIEW = `mutation($input: ImportTransactionsInput!) { previewBankFile(input: $input) { report { totalRows } } }`;
const REPORT = `query($id: ID!) { importReport(importId: $id) { status imported failure } }`;
const LEDGER = `query { transactionsConnection(first: 100) { nodes { accountId source } } }`;
const CHANGES = `query($since: String) { changes(since: $since) { changes { kind transaction { id accountId source } } } }`;
const SAVE_MAPPING = `mutation($input: SaveCsvMappingInput!) { saveCsvMapping(input: $input) { csvMapping { id name accountId } } }`;
const CREATE_RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { rule { id } } }`;
const CATEGORISED = `query { transactionsConnection(first: 100) { nodes { accountId categoryId } } }`;
const MAPPINGS = `query($header: [String!]) { csvMappings(header: $header) { name accountId } }`;

const CSV = ['date,amount,payee', '2026-03-02,-12.50,Grocer', '2026-03-03,-7.50,Bakery'].join('\n');
const COLUMNS = { date: 'date', amount: 'amount', payee: 'payee' };
const csvInput = (content: string, extra: Record<string, unknown> = {}) => ({
  importId: randomUUID(),
  format: 'CSV',
  content,
  mode: 'LENIENT',
  csv: { delimiter: ',', hasHeader: true, columns: COLUMNS },
  ...extra,
});

type Client = ReturnType<typeof budgetClient>;

describe(`bank-file imports into a money account (${TEST_MODE})`, { timeout: 180_000 }, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function onboarded(): Promise<Client> {
    const client = budgetClient(api, await signUp(api));
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return client;
  }
  const createAccount = (client: Client, name: string) =>
    createMoneyAccount(client, {
      name,
      kind: 'CHECKING',
      openingBalance: '100.00',
      openingOn: '2026-03-01',
    });
  const balancesOf = balancesByName;
  async function ledgerOf(client: Client) {
    return (
      await client.call<{
        transactionsConnection: { nodes: Array<{ accountId: string | null }> };
      }>(LEDGER)
    ).transactionsConnection;
  }

  it('books every row into the chosen account; the balance changes there', async () => {
    const client = await onboarded();
    const bank = await createAccount(client, 'Bank');
    const input = csvInput(CSV, { accountId: bank });
    const imported = await client.call<{ importBankFile: { report: { imported: number } } }>(
      IMPORT,
      { input },
    );
    expect(imported.importBankFile.report.imported).toBe(2);
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Bank: '80.00' });
    expect((await ledgerOf(client)).nodes.map((n) => n.accountId)).toEqual([bank, bank]);
    // A replay imports nothing twice.
    await client.call(IMPORT, { input });
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Bank: '80.00' });
    // Devices learn the account with each row.
    const pulled = await client.call<{
      changes: { changes: Array<{ kind: string; transaction: { accountId: string } | null }> };
    }>(CHANGES, { since: null });
    const rows = pulled.changes.changes.filter((c) => c.kind === 'TRANSACTION');
    expect(rows.map((c) => c.transaction?.accountId)).toEqual([bank, bank]);

    // Without an account the rows stay on the default one.
    const other = ['date,amount,payee', '2026-03-04,-1.00,Kiosk'].join('\n');
    await client.call(IMPORT, { input: csvInput(other) });
    expect(await balancesOf(client)).toEqual({ Main: '-1.00', Bank: '80.00' });
  });

  it('applies the rules made for the chosen account to the rows it imports', async () => {
    const client = await onboarded();
    const card = await createAccount(client, 'Card');
    await client.call(CREATE_RULE, { input: { accountId: card, setCategoryId: 'dining_out' } });
    await client.call(IMPORT, { input: csvInput(CSV, { accountId: card }) });
    const other = ['date,amount,payee', '2026-03-04,-1.00,Kiosk'].join('\n');
    await client.call(IMPORT, { input: csvInput(other) });
    const rows = await client.call<{
      transactionsConnection: { nodes: Array<{ accountId: string | null; categoryId: string }> };
    }>(CATEGORISED);
    const categories = rows.transactionsConnection.nodes.map((n) => [n.accountId, n.categoryId]);
    expect(categories.filter(([account]) => account === card)).toEqual([
      [card, 'dining_out'],
      [card, 'dining_out'],
    ]);
    expect(categories.filter(([account]) => account === null)).not.toContainEqual([
      null,
      'dining_out',
    ]);
  });

  it('books a file imported by a job into the chosen account too', async () => {
    const client = await onboarded();
    const card = await createAccount(client, 'Card');
    const lines = ['date,amount,payee'];
    for (let i = 0; i < 2_001; i += 1) lines.push(`2026-03-0${(i % 9) + 1},-0.01,Shop ${i}`);
    const input = csvInput(lines.join('\n'), { accountId: card });
    const sent = await client.call<{ importBankFile: { report: { status: string } } }>(IMPORT, {
      input,
    });
    expect(sent.importBankFile.report.status).toBe('QUEUED');
    let state = { status: 'QUEUED', imported: 0, failure: null as string | null };
    while (state.status === 'QUEUED' || state.status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await client.call<{ importReport: typeof state }>(REPORT, { id: input.importId }))
        .importReport;
    }
    expect(state).toMatchObject({ status: 'DONE', imported: 2_001, failure: null });
    expect(await balancesOf(client)).toEqual({ Main: '0.00', Card: '79.99' });
  });

  it('refuses an unknown or another person’s account before reading the file; nothing is written', async () => {
    const client = await onboarded();
    const stranger = await onboarded();
    const theirs = await createAccount(stranger, 'Theirs');
    for (const accountId of [theirs, randomUUID(), 'not-an-id']) {
      for (const operation of [PREVIEW, IMPORT]) {
        const answer = await client.raw(operation, { input: csvInput(CSV, { accountId }) });
        expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
        expect(answer.errors?.[0]?.extensions?.reason).toBe('MONEY_ACCOUNT_NOT_FOUND');
      }
    }
    expect((await ledgerOf(client)).nodes).toEqual([]);
    expect(await balancesOf(stranger)).toEqual({ Main: '0.00', Theirs: '100.00' });
  });

  it('remembers the account with a saved CSV mapping; a foreign one is refused and not saved', async () => {
    const client = await onboarded();
    const stranger = await onboarded();
    const bank = await createAccount(client, 'Bank');
    const theirs = await createAccount(stranger, 'Theirs');
    const header = ['date', 'amount', 'payee'];
    const mapping = { name: 'My bank', header, columns: COLUMNS };
    const saved = await client.call<{ saveCsvMapping: { csvMapping: { accountId: string } } }>(
      SAVE_MAPPING,
      { input: { ...mapping, accountId: bank } },
    );
    expect(saved.saveCsvMapping.csvMapping.accountId).toBe(bank);
    const refused = await client.raw(SAVE_MAPPING, {
      input: { ...mapping, name: 'Theirs', accountId: theirs },
    });
    expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
    const listed = await client.call<{ csvMappings: unknown[] }>(MAPPINGS, { header });
    expect(listed.csvMappings).toEqual([{ name: 'My bank', accountId: bank }]);
    // Saved again without one: the default account.
    await client.call(SAVE_MAPPING, { input: mapping });
    const again = await client.call<{ csvMappings: unknown[] }>(MAPPINGS, { header });
    expect(again.csvMappings).toEqual([{ name: 'My bank', accountId: null }]);
  });
});
