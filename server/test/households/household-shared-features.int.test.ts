import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi, type TestUser } from '../kit';
import { householdOfThree } from './household-client';
import { budgetClient, MONTH, type MonthResult } from '../budget/budget-client';
import { REAL_RECEIPT, uploadReceipt } from '../receipts/receipt-client';

/**
 * The features that book money into the budget or read the shared plan act on the household's
 * budget (the owner's) for a member: bank-file imports, confirmed receipts, recurring expenses,
 * money accounts and transfers, spending insights and `node(id)` (docs/households.md).
 */

// 10:00 in New York on 10 March: the owner's plan starts today, so today's bookings count.
const clock = { now: () => new Date('2026-03-10T15:00:00Z') };
const TODAY = '2026-03-10';

const LEDGER = `query { transactionsConnection(first: 50) { nodes { id memberId source amount { amount } categoryId bookedOn } } }`;
const IMPORT = `mutation($input: ImportTransactionsInput!) { importBankFile(input: $input) { report { importId committed imported skipped failed } } }`;
const PREVIEW = `mutation($input: ImportTransactionsInput!) { previewBankFile(input: $input) { report { totalRows rows { status } } } }`;
const IMPORT_REPORT = `query($id: ID!) { importReport(importId: $id) { importId imported } }`;
const CONFIRM = `mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { receipt { id status transactionId } transaction { id memberId amount { amount } } } }`;
const RECEIPT = `query($id: ID!) { receipt(id: $id) { id status } }`;
const SCHEDULE = `mutation($input: CreateRecurringTransactionInput!) { scheduleRecurringTransaction(input: $input) { recurringTransaction { id } } }`;
const RECURRING = `query { recurringTransactions { id amount { amount } } }`;
const ACCOUNTS = `query { accounts(first: 50) { nodes { id name balance { amount } } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { account { id name balance { amount } } } }`;
const CREATE_TRANSFER = `mutation($input: CreateTransferInput!) { createTransfer(input: $input) { transfer { id amount { amount } } } }`;
const TRANSFERS = `query { transfers(first: 50) { nodes { id amount { amount } } } }`;
const INSIGHTS = `query($month: YearMonth) { spendingInsights(month: $month) { month total { amount } breakdown { categoryId amount { amount } } } }`;
const SPLIT = `mutation($input: CreateSplitTransactionInput!) { createSplitTransaction(input: $input) { split { id } } }`;
const CREATE_RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { rule { id } } }`;
const RULES = `query { rulesConnection(first: 10) { nodes { textPattern setCategoryId } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Transaction { memberId amount { amount } } ... on MoneyAccount { name } } }`;

type LedgerRow = {
  id: string;
  memberId: string | null;
  source: string;
  amount: { amount: string };
  categoryId: string;
  bookedOn: string;
};

describe(`a household's shared budget beyond transactions (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const as = (user: TestUser) => budgetClient(api, user);

  const household = () => householdOfThree(api);

  const ledgerOf = async (user: TestUser) =>
    (await as(user).call<{ transactionsConnection: { nodes: LedgerRow[] } }>(LEDGER))
      .transactionsConnection.nodes;

  /** The month's spent total and today's spending over every category, as the person reads them. */
  async function spentOf(user: TestUser): Promise<{ month: string; today: number }> {
    const { budgetMonth } = await as(user).call<MonthResult>(MONTH, { month: '2026-03' });
    const day = budgetMonth.days.find((d) => d.date === TODAY);
    const todayMinor = (day?.categories ?? []).reduce(
      (sum, c) => sum + Math.round(Number(c.spent.amount) * 100),
      0,
    );
    return { month: budgetMonth.totals.spent.amount, today: todayMinor };
  }

  const reasonOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    response.errors?.[0]?.extensions?.reason;

  it('imports a member’s bank file into the owner’s ledger, each row stamped with the member', async () => {
    const { owner, member, viewer } = await household();
    const content = [
      'date,amount,payee,memo,category,id',
      `${TODAY},-12.34,Corner Shop,milk,groceries,B1`,
      `${TODAY},-5.66,Noodle Bar,lunch,dining_out,B2`,
      '',
    ].join('\n');
    const input = {
      importId: randomUUID(),
      format: 'CSV',
      content,
      csv: {
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
      },
    };
    expect(await spentOf(owner)).toEqual({ month: '0.00', today: 0 });

    // The preview checks the file against the shared ledger; the viewer may not import.
    const preview = await as(member).call<{
      previewBankFile: { report: { totalRows: number; rows: Array<{ status: string }> } };
    }>(PREVIEW, { input });
    expect(preview.previewBankFile.report.totalRows).toBe(2);
    expect(preview.previewBankFile.report.rows.map((r) => r.status)).toEqual(['READY', 'READY']);
    const refused = await as(viewer).raw(IMPORT, { input: { ...input, importId: randomUUID() } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reasonOf(refused)).toBe('HOUSEHOLD_READ_ONLY');

    const imported = await as(member).call<{
      importBankFile: { report: { committed: boolean; imported: number } };
    }>(IMPORT, { input });
    expect(imported.importBankFile.report).toMatchObject({ committed: true, imported: 2 });

    // The owner's month and today carry exactly 12.34 + 5.66 = 18.00, booked by the member.
    expect(await spentOf(owner)).toEqual({ month: '18.00', today: 1800 });
    const rows = (await ledgerOf(owner)).filter((r) => r.source === 'IMPORT');
    expect(rows.map((r) => [r.amount.amount, r.categoryId, r.memberId, r.bookedOn]).sort()).toEqual(
      [
        ['12.34', 'groceries', member.userId, TODAY],
        ['5.66', 'dining_out', member.userId, TODAY],
      ],
    );
    // The import belongs to the shared budget: its report reads the same for the owner.
    const report = await as(owner).call<{ importReport: { imported: number } }>(IMPORT_REPORT, {
      id: input.importId,
    });
    expect(report.importReport.imported).toBe(2);
    // The same file again (another import id) finds both rows already in the shared ledger.
    const again = await as(owner).call<{ importBankFile: { report: { skipped: number } } }>(
      IMPORT,
      { input: { ...input, importId: randomUUID() } },
    );
    expect(again.importBankFile.report.skipped).toBe(2);
    expect(await spentOf(owner)).toEqual({ month: '18.00', today: 1800 });
  });

  it('books a receipt a member confirms into the owner’s day; the receipt stays the member’s', async () => {
    const { owner, member, viewer } = await household();
    const upload = await uploadReceipt(api, member.accessToken, REAL_RECEIPT);
    expect(upload.status).toBe(202);
    const receiptId = upload.body.id ?? '';
    const input = {
      receiptId,
      merchant: 'Corner Cafe',
      bookedOn: TODAY,
      amount: '7.75',
      currency: 'USD',
      categoryId: 'groceries',
    };

    const refused = await as(viewer).raw(CONFIRM, { input });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reasonOf(refused)).toBe('HOUSEHOLD_READ_ONLY');

    const confirmed = await as(member).call<{
      confirmReceipt: {
        receipt: { status: string; transactionId: string };
        transaction: { id: string; memberId: string | null; amount: { amount: string } };
      };
    }>(CONFIRM, { input });
    const { transaction } = confirmed.confirmReceipt;
    expect(confirmed.confirmReceipt.receipt).toMatchObject({
      status: 'CONFIRMED',
      transactionId: transaction.id,
    });
    expect(transaction).toMatchObject({ memberId: member.userId, amount: { amount: '7.75' } });

    expect(await spentOf(owner)).toEqual({ month: '7.75', today: 775 });
    expect((await ledgerOf(owner)).map((r) => [r.id, r.source, r.memberId])).toEqual([
      [transaction.id, 'RECEIPT', member.userId],
    ]);
    // Confirming again books nothing more.
    await as(member).call(CONFIRM, { input });
    expect(await spentOf(owner)).toEqual({ month: '7.75', today: 775 });
    // The receipt record is the uploader's.
    expect(
      (await as(member).call<{ receipt: { status: string } }>(RECEIPT, { id: receiptId })).receipt
        .status,
    ).toBe('CONFIRMED');
    expect(errorCodes(await as(owner).raw(RECEIPT, { id: receiptId }))).toEqual(['NOT_FOUND']);

    // A photo of a purchase the member booked on the device links to the shared ledger's entry.
    const offline = randomUUID();
    await as(member).call(
      `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
      { input: { id: offline, amount: '3.20', categoryId: 'groceries' } },
    );
    const linked = await uploadReceipt(api, member.accessToken, REAL_RECEIPT, {
      transactionId: offline,
    });
    expect(linked).toMatchObject({
      status: 202,
      body: { status: 'CONFIRMED', transactionId: offline },
    });
    expect(await spentOf(owner)).toEqual({ month: '10.95', today: 1095 });
  });

  it('posts a member’s recurring expense into the owner’s budget; both see the schedule', async () => {
    const { owner, member, viewer } = await household();
    const input = {
      amount: '9.99',
      categoryId: 'groceries',
      frequency: 'MONTHLY',
      dayNumber: 10,
      startOn: TODAY,
    };
    const refused = await as(viewer).raw(SCHEDULE, { input });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reasonOf(refused)).toBe('HOUSEHOLD_READ_ONLY');

    const scheduled = await as(member).call<{
      scheduleRecurringTransaction: { recurringTransaction: { id: string } };
    }>(SCHEDULE, { input });
    const { id } = scheduled.scheduleRecurringTransaction.recurringTransaction;
    // Today's occurrence is posted at once, into the shared budget.
    expect(await spentOf(owner)).toEqual({ month: '9.99', today: 999 });
    for (const person of [owner, member, viewer]) {
      const listed = await as(person).call<{
        recurringTransactions: Array<{ id: string; amount: { amount: string } }>;
      }>(RECURRING);
      expect(listed.recurringTransactions).toEqual([{ id, amount: { amount: '9.99' } }]);
    }
  });

  it('shares the owner’s money accounts and transfers; a viewer reads them and may not write', async () => {
    const { owner, member, viewer } = await household();
    const created = await as(member).call<{
      createMoneyAccount: { account: { id: string; name: string } };
    }>(CREATE_ACCOUNT, {
      input: { name: 'Joint savings', kind: 'SAVINGS', openingBalance: '500.00', openingOn: TODAY },
    });
    const joint = created.createMoneyAccount.account;
    const ownersAccounts = async (user: TestUser) =>
      Object.fromEntries(
        (
          await as(user).call<{
            accounts: { nodes: Array<{ id: string; name: string; balance: { amount: string } }> };
          }>(ACCOUNTS)
        ).accounts.nodes.map((a) => [a.name, a.balance.amount]),
      );
    expect((await ownersAccounts(owner))['Joint savings']).toBe('500.00');

    const cash = await as(owner).call<{ createMoneyAccount: { account: { id: string } } }>(
      CREATE_ACCOUNT,
      { input: { name: 'Cash', kind: 'CASH', openingBalance: '0.00', openingOn: TODAY } },
    );
    const transfer = {
      fromAccountId: joint.id,
      toAccountId: cash.createMoneyAccount.account.id,
      amount: '120.50',
      transferredOn: TODAY,
    };
    const refused = await as(viewer).raw(CREATE_TRANSFER, { input: transfer });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reasonOf(refused)).toBe('HOUSEHOLD_READ_ONLY');
    await as(member).call(CREATE_TRANSFER, { input: transfer });

    // Everyone in the household reads the same balances and transfers; nobody's budget moved.
    for (const person of [owner, member, viewer]) {
      expect(await ownersAccounts(person)).toMatchObject({
        'Joint savings': '379.50',
        Cash: '120.50',
      });
      const listed = await as(person).call<{
        transfers: { nodes: Array<{ amount: { amount: string } }> };
      }>(TRANSFERS);
      expect(listed.transfers.nodes.map((t) => t.amount.amount)).toEqual(['120.50']);
    }
    expect(await spentOf(owner)).toEqual({ month: '0.00', today: 0 });
    // A member's device pulls the shared accounts and transfers (and not the member's own).
    const pulled = await as(member).call<{
      changes: {
        changes: Array<{ moneyAccount: { name: string } | null; transfer: { id: string } | null }>;
      };
    }>(`query { changes(since: null) { changes { moneyAccount { name } transfer { id } } } }`);
    expect(
      pulled.changes.changes.flatMap((c) => (c.moneyAccount ? [c.moneyAccount.name] : [])).sort(),
    ).toEqual(expect.arrayContaining(['Cash', 'Joint savings']));
    expect(pulled.changes.changes.filter((c) => c.transfer).length).toBe(1);
    // node(id) finds the shared account for a member.
    const node = await as(member).call<{ node: { name: string } | null }>(NODE, { id: joint.id });
    expect(node.node?.name).toBe('Joint savings');
  });

  it('books a member’s split payment into the owner’s month; the viewer may not', async () => {
    const { owner, member, viewer } = await household();
    const input = {
      id: randomUUID(),
      total: '30.01',
      bookedOn: TODAY,
      payee: 'Market',
      parts: [
        { amount: '20.00', categoryId: 'groceries' },
        { amount: '10.01', categoryId: 'dining_out' },
      ],
    };
    const refused = await as(viewer).raw(SPLIT, { input: { ...input, id: randomUUID() } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reasonOf(refused)).toBe('HOUSEHOLD_READ_ONLY');

    await as(member).call(SPLIT, { input });
    expect(await spentOf(owner)).toEqual({ month: '30.01', today: 3001 });
    // Each part counts in the shared plan and says who booked it.
    expect(
      (await ledgerOf(owner)).map((r) => [r.categoryId, r.amount.amount, r.memberId]).sort(),
    ).toEqual([
      ['dining_out', '10.01', member.userId],
      ['groceries', '20.00', member.userId],
    ]);
  });

  it('keeps one set of rules for the shared budget: a member’s rule categorises the imports', async () => {
    const { owner, member, viewer } = await household();
    const rule = { textMatch: 'CONTAINS', textPattern: 'noodle', setCategoryId: 'dining_out' };
    const refused = await as(viewer).raw(CREATE_RULE, { input: rule });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(reasonOf(refused)).toBe('HOUSEHOLD_READ_ONLY');
    await as(member).call(CREATE_RULE, { input: rule });
    for (const person of [owner, member, viewer]) {
      const listed = await as(person).call<{
        rulesConnection: { nodes: Array<{ textPattern: string; setCategoryId: string }> };
      }>(RULES);
      expect(listed.rulesConnection.nodes).toEqual([
        { textPattern: 'noodle', setCategoryId: 'dining_out' },
      ]);
    }
    // The member's device pulls the shared rule.
    const pulled = await as(member).call<{
      changes: { changes: Array<{ rule: { textPattern: string } | null }> };
    }>(`query { changes(since: null) { changes { rule { textPattern } } } }`);
    expect(pulled.changes.changes.flatMap((c) => (c.rule ? [c.rule.textPattern] : []))).toEqual([
      'noodle',
    ]);
    // The owner imports a file without categories: the member's rule files the noodle bar.
    await as(owner).call(IMPORT, {
      input: {
        importId: randomUUID(),
        format: 'CSV',
        content: `date,amount,payee\n${TODAY},-8.40,Noodle Bar\n`,
        csv: {
          delimiter: ',',
          hasHeader: true,
          columns: { date: 'date', amount: 'amount', payee: 'payee' },
        },
      },
    });
    expect((await ledgerOf(owner)).map((r) => [r.categoryId, r.amount.amount])).toEqual([
      ['dining_out', '8.40'],
    ]);
  });

  it('shows a member the shared month’s insights and the shared ledger through node(id)', async () => {
    const { owner, member, viewer } = await household();
    const stranger = await signUp(api);
    const booked = await as(owner).call<{
      createTransaction: { transaction: { id: string } };
    }>(
      `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
      { input: { id: randomUUID(), amount: '42.10', categoryId: 'groceries' } },
    );
    await as(member).call(
      `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { id } } }`,
      { input: { id: randomUUID(), amount: '7.90', categoryId: 'dining_out' } },
    );
    type Insights = {
      spendingInsights: {
        month: string;
        total: { amount: string };
        breakdown: Array<{ categoryId: string; amount: { amount: string } }>;
      };
    };
    const ownersView = (await as(owner).call<Insights>(INSIGHTS, { month: '2026-03' }))
      .spendingInsights;
    expect(ownersView.total.amount).toBe('50.00');
    for (const person of [member, viewer])
      expect(
        (await as(person).call<Insights>(INSIGHTS, { month: '2026-03' })).spendingInsights,
      ).toEqual(ownersView);

    const id = booked.createTransaction.transaction.id;
    for (const person of [member, viewer]) {
      const node = await as(person).call<{
        node: { id: string; memberId: string | null; amount: { amount: string } } | null;
      }>(NODE, { id });
      expect(node.node).toEqual({ id, memberId: null, amount: { amount: '42.10' } });
    }
    // The installment calculator judges a loan against the shared plan's income.
    const loan = `query($input: InstallmentPlanInput!) { installmentPlan(input: $input) { verdict { monthlyIncome { amount currency } } } }`;
    const verdict = await as(member).call<{
      installmentPlan: { verdict: { monthlyIncome: { amount: string; currency: string } } };
    }>(loan, { input: { principal: '1000.00', apr: '12', months: 12 } });
    expect(verdict.installmentPlan.verdict.monthlyIncome).toEqual({
      amount: '6000.00',
      currency: 'USD',
    });
    // Outside the household it stays invisible.
    expect(errorCodes(await as(stranger).raw(NODE, { id }))).toEqual(['NOT_FOUND']);
  });
});
