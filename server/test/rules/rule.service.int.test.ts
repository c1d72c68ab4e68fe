import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, fixedClock, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

// 2026-03-15 10:00 in New York.
const clock = fixedClock('2026-03-15T15:00:00Z');

const TX = 'id version categoryId merchant description tags bookedOn';
const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) {
  committed imported rows { line status payee categoryId } } }`;
const LIST = `query($filter: TransactionFilter) { transactionsConnection(filter: $filter, first: 50) {
  edges { node { ${TX} } } } }`;
const UPDATE = `mutation($input: UpdateTransactionInput!) { updateTransaction(input: $input) {
  conflict transaction { ${TX} } } }`;
const CREATE = `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) {
  transaction { ${TX} } } }`;
const QUICK = `mutation($input: QuickExpenseInput!) { quickExpense(input: $input) {
  transaction { ${TX} } } }`;
const RULE = `id position textPattern textMatch minAmount { amount currency } maxAmount { amount }
  accountId setCategoryId renameMerchant addTags version deletedAt`;
const CREATE_RULE = `mutation($input: CreateRuleInput!) { createRule(input: $input) { conflict rule { ${RULE} } } }`;
const UPDATE_RULE = `mutation($input: UpdateRuleInput!) { updateRule(input: $input) { conflict rule { ${RULE} } } }`;
const DELETE_RULE = `mutation($id: ID!) { deleteRule(id: $id) { rule { ${RULE} } } }`;
const MOVE_RULE = `mutation($id: ID!, $position: Int!) { moveRule(id: $id, position: $position) { rules { id position } } }`;
const APPLY_RULE = `mutation($id: ID!, $toPast: Boolean!) { applyRule(ruleId: $id, toPast: $toPast) {
  changedCount months rule { id } } }`;
const RULES = `{ rulesConnection(first: 50) { edges { node { ${RULE} } } } }`;
const GET_RULE = `query($id: ID!) { rule(id: $id) { id } }`;
const PREVIEW = `query($input: RuleDefinitionInput!, $first: Int) { previewRule(input: $input, first: $first) {
  totalCount isScanTruncated items { categoryId merchant tags transaction { id categoryId bookedOn } } } }`;
const SUGGEST = `query($id: ID!) { ruleSuggestion(transactionId: $id) { textPattern textMatch setCategoryId transactionId } }`;
const CHANGES = `query($since: String) { changes(since: $since, first: 500) { cursor
  changes { kind id deleted rule { id position setCategoryId deletedAt } transaction { id version categoryId } } } }`;

interface Tx {
  id: string;
  version: number;
  categoryId: string;
  merchant: string | null;
  description: string;
  tags: string[];
  bookedOn: string;
}
interface RuleView {
  id: string;
  position: number;
  textPattern: string | null;
  setCategoryId: string | null;
  addTags: string[];
  version: number;
}

const CSV = {
  delimiter: ',',
  hasHeader: true,
  columns: { date: 'date', amount: 'amount', payee: 'payee', memo: 'memo', category: 'category' },
};

describe(`categorisation rules (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function person() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const importCsv = async (rows: string[]) =>
      (
        await client.call<{ importTransactions: { imported: number; rows: unknown[] } }>(IMPORT, {
          input: {
            importId: randomUUID(),
            format: 'CSV',
            content: ['date,amount,payee,memo,category', ...rows].join('\n') + '\n',
            csv: CSV,
          },
        })
      ).importTransactions;
    const ledger = async () =>
      (
        await client.call<{ transactionsConnection: { edges: Array<{ node: Tx }> } }>(LIST)
      ).transactionsConnection.edges.map((edge) => edge.node);
    const byPayee = async (payee: string) => {
      const row = (await ledger()).find((tx) => tx.merchant === payee);
      if (!row) throw new Error(`no transaction of ${payee}`);
      return row;
    };
    const createRule = async (input: Record<string, unknown>) =>
      (await client.call<{ createRule: { rule: RuleView } }>(CREATE_RULE, { input })).createRule
        .rule;
    const rules = async () =>
      (
        await client.call<{ rulesConnection: { edges: Array<{ node: RuleView }> } }>(RULES)
      ).rulesConnection.edges.map((edge) => edge.node);
    return { user, client, importCsv, ledger, byPayee, createRule, rules };
  }

  it('a rule made from an edit categorises the next import (acceptance 4)', async () => {
    const { client, importCsv, byPayee, createRule } = await person();
    await importCsv(['2026-03-02,-18.50,Pizza Place,,', '2026-03-03,-7.00,Corner Shop 17,,']);
    // The dictionary reads the payee: no longer Flex; an unknown shop still is.
    const pizza = await byPayee('Pizza Place');
    expect(pizza.categoryId).toBe('dining_out');
    expect((await byPayee('Corner Shop 17')).categoryId).toBe('flex');

    // The person recategorises it (here: they always order it in), then accepts the suggestion.
    await client.call(UPDATE, {
      input: { id: pizza.id, baseVersion: pizza.version, categoryId: 'takeaway' },
    });
    const { ruleSuggestion } = await client.call<{
      ruleSuggestion: { textPattern: string; textMatch: string; setCategoryId: string };
    }>(SUGGEST, { id: pizza.id });
    expect(ruleSuggestion).toMatchObject({
      textPattern: 'pizza place',
      textMatch: 'CONTAINS',
      setCategoryId: 'delivery',
    });
    await createRule({
      textPattern: ruleSuggestion.textPattern,
      textMatch: ruleSuggestion.textMatch,
      setCategoryId: ruleSuggestion.setCategoryId,
    });
    // Accepted once: it is not offered again.
    expect(
      (await client.call<{ ruleSuggestion: unknown }>(SUGGEST, { id: pizza.id })).ruleSuggestion,
    ).toBeNull();

    const ofx = `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260310<TRNAMT>-21.00<FITID>P42<NAME>PIZZA PLACE #42</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    await client.call(IMPORT, { input: { importId: randomUUID(), format: 'OFX', content: ofx } });
    expect((await byPayee('PIZZA PLACE #42')).categoryId).toBe('delivery');
    // A file that names a category keeps it: rules only fill what the file left open.
    await importCsv(['2026-03-11,-9.00,PIZZA PLACE #7,,groceries']);
    expect((await byPayee('PIZZA PLACE #7')).categoryId).toBe('groceries');
  });

  it('the suggestion after recategorising to eating out, and the next import follows it', async () => {
    const { client, importCsv, byPayee, createRule } = await person();
    await importCsv(['2026-03-02,-18.50,Luigi 12,,']);
    const luigi = await byPayee('Luigi 12');
    expect(luigi.categoryId).toBe('flex');
    await client.call(UPDATE, {
      input: { id: luigi.id, baseVersion: luigi.version, categoryId: 'eating out' },
    });
    const { ruleSuggestion } = await client.call<{
      ruleSuggestion: { textPattern: string; setCategoryId: string };
    }>(SUGGEST, { id: luigi.id });
    expect(ruleSuggestion).toMatchObject({ textPattern: 'luigi', setCategoryId: 'dining_out' });
    await createRule({ textPattern: 'luigi', setCategoryId: 'dining_out' });
    await importCsv(['2026-03-09,-30.00,LUIGI #42,,']);
    expect((await byPayee('LUIGI #42')).categoryId).toBe('dining_out');
  });

  it('quick expenses and creates without a category use rules, then the dictionary, then Flex', async () => {
    const { client, createRule } = await person();
    const quick = async (note: string) =>
      (
        await client.call<{ quickExpense: { transaction: Tx } }>(QUICK, {
          input: { amount: '4.20', note },
        })
      ).quickExpense.transaction;
    expect((await quick('latte at starbucks')).categoryId).toBe('coffee');
    expect((await quick('something odd')).categoryId).toBe('flex');

    await createRule({
      textPattern: 'office',
      setCategoryId: 'dining_out',
      renameMerchant: 'Office canteen',
      addTags: ['Work'],
    });
    await createRule({ textPattern: 'lunch', setCategoryId: 'groceries', addTags: ['food'] });
    const lunch = await quick('office lunch');
    // The first matching rule sets the category and the payee; every matching rule adds tags.
    expect(lunch).toMatchObject({
      categoryId: 'dining_out',
      merchant: 'Office canteen',
      tags: ['work', 'food'],
    });

    const created = async (input: Record<string, unknown>) =>
      (await client.call<{ createTransaction: { transaction: Tx } }>(CREATE, { input }))
        .createTransaction.transaction;
    expect((await created({ amount: '12.00', merchant: 'Office bar' })).categoryId).toBe(
      'dining_out',
    );
    // A category picked explicitly is never overridden.
    expect(
      (await created({ amount: '12.00', merchant: 'Office bar', categoryId: 'entertainment' }))
        .categoryId,
    ).toBe('entertainment');
    // Amount conditions: exact minor units.
    await createRule({ textPattern: 'kiosk', minAmount: '10.00', setCategoryId: 'books' });
    expect((await created({ amount: '9.99', merchant: 'Kiosk' })).categoryId).toBe('flex');
    expect((await created({ amount: '10.00', merchant: 'Kiosk' })).categoryId).toBe('books');
    // A glob matches the whole payee.
    await createRule({ textPattern: 'acme*store', textMatch: 'GLOB', setCategoryId: 'gadgets' });
    expect((await created({ amount: '1.00', merchant: 'ACME Online Store' })).categoryId).toBe(
      'gadgets',
    );
    expect((await created({ amount: '1.00', merchant: 'ACME Online Store 2' })).categoryId).toBe(
      'flex',
    );
  });

  it('keeps rules in a visible order that moves and deletes renumber', async () => {
    const { client, createRule, rules } = await person();
    const a = await createRule({ textPattern: 'a', setCategoryId: 'books' });
    const b = await createRule({ textPattern: 'b', setCategoryId: 'books' });
    const c = await createRule({ textPattern: 'c', setCategoryId: 'books', position: 0 });
    expect((await rules()).map((r) => r.id)).toEqual([c.id, a.id, b.id]);
    await client.call(MOVE_RULE, { id: b.id, position: 0 });
    expect((await rules()).map((r) => [r.id, r.position])).toEqual([
      [b.id, 0],
      [c.id, 1],
      [a.id, 2],
    ]);
    await client.call(DELETE_RULE, { id: c.id });
    expect((await rules()).map((r) => [r.id, r.position])).toEqual([
      [b.id, 0],
      [a.id, 1],
    ]);
    // An edit replaces the rule; a stale version changes nothing.
    const [current] = (await rules()).filter((r) => r.id === a.id);
    const edited = await client.call<{ updateRule: { conflict: boolean; rule: RuleView } }>(
      UPDATE_RULE,
      {
        input: {
          id: a.id,
          baseVersion: current?.version,
          textPattern: 'aa',
          setCategoryId: 'food',
        },
      },
    );
    expect(edited.updateRule).toMatchObject({
      conflict: false,
      rule: { textPattern: 'aa', setCategoryId: 'groceries' },
    });
    const stale = await client.call<{ updateRule: { conflict: boolean; rule: RuleView } }>(
      UPDATE_RULE,
      { input: { id: a.id, baseVersion: current?.version, textPattern: 'zz', addTags: ['x'] } },
    );
    expect(stale.updateRule).toMatchObject({ conflict: true, rule: { textPattern: 'aa' } });
  });

  it('previews the past transactions a rule would change, then applies exactly those per month', async () => {
    const { client, createRule, ledger } = await person();
    const created = async (input: Record<string, unknown>) =>
      (await client.call<{ createTransaction: { transaction: Tx } }>(CREATE, { input }))
        .createTransaction.transaction;
    const jan = await created({ amount: '30.00', merchant: 'Gym Bros', bookedOn: '2026-01-10' });
    const feb = await created({ amount: '30.00', merchant: 'GYM BROS 2', bookedOn: '2026-02-10' });
    const mar = await created({ amount: '30.00', description: 'gym bros day pass' });
    const other = await created({ amount: '30.00', merchant: 'Bakery', categoryId: 'groceries' });
    const already = await created({ amount: '30.00', merchant: 'Gym Bros', categoryId: 'gym' });
    expect([jan, feb, mar].map((t) => t.categoryId)).toEqual(['flex', 'flex', 'flex']);

    const input = { textPattern: 'gym bros', setCategoryId: 'gym' };
    const { previewRule } = await client.call<{
      previewRule: {
        totalCount: number;
        isScanTruncated: boolean;
        items: Array<{ categoryId: string; transaction: { id: string } }>;
      };
    }>(PREVIEW, { input, first: 2 });
    expect(previewRule.totalCount).toBe(3);
    expect(previewRule.isScanTruncated).toBe(false);
    expect(previewRule.items.map((item) => item.transaction.id)).toEqual([mar.id, feb.id]);
    expect(previewRule.items.every((item) => item.categoryId === 'gym')).toBe(true);
    // The preview wrote nothing.
    expect((await ledger()).find((t) => t.id === jan.id)?.categoryId).toBe('flex');

    const { cursor } = (await client.call<{ changes: { cursor: string } }>(CHANGES, {})).changes;
    const rule = await createRule(input);
    const { applyRule } = await client.call<{
      applyRule: { changedCount: number; months: string[] };
    }>(APPLY_RULE, { id: rule.id, toPast: true });
    expect(applyRule).toEqual({
      changedCount: 3,
      months: ['2026-01', '2026-02', '2026-03'],
      rule: { id: rule.id },
    });
    const after = await ledger();
    for (const tx of [jan, feb, mar]) {
      expect(after.find((t) => t.id === tx.id)).toMatchObject({ categoryId: 'gym', version: 2 });
    }
    expect(after.find((t) => t.id === other.id)).toMatchObject({ categoryId: 'groceries' });
    expect(after.find((t) => t.id === already.id)).toMatchObject({ version: 1 });
    // Devices see the rule and the three changed transactions.
    const { changes } = (
      await client.call<{
        changes: { changes: Array<{ kind: string; id: string; transaction: Tx | null }> };
      }>(CHANGES, { since: cursor })
    ).changes;
    expect(changes.filter((c) => c.kind === 'RULE').map((c) => c.id)).toEqual([rule.id]);
    expect(
      changes
        .filter((c) => c.kind === 'TRANSACTION')
        .map((c) => c.id)
        .sort(),
    ).toEqual([jan.id, feb.id, mar.id].sort());
    // Applying again changes nothing; without toPast nothing is touched.
    const again = await client.call<{ applyRule: { changedCount: number } }>(APPLY_RULE, {
      id: rule.id,
      toPast: true,
    });
    expect(again.applyRule.changedCount).toBe(0);
  });

  it('sends rules and their tombstones through changes(since)', async () => {
    const { client, createRule } = await person();
    const rule = await createRule({ textPattern: 'tea', setCategoryId: 'coffee' });
    await client.call(DELETE_RULE, { id: rule.id });
    const { changes } = (
      await client.call<{
        changes: { changes: Array<{ kind: string; id: string; deleted: boolean }> };
      }>(CHANGES, {})
    ).changes;
    expect(changes.filter((c) => c.kind === 'RULE')).toEqual([
      expect.objectContaining({ id: rule.id, deleted: true }),
    ]);
    // Deleting twice: it is gone.
    expect(errorCodes(await client.raw(DELETE_RULE, { id: rule.id }))).toEqual(['NOT_FOUND']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty pattern', { textPattern: '   ', setCategoryId: 'books' }],
    ['a huge pattern', { textPattern: 'x'.repeat(101), setCategoryId: 'books' }],
    ['a NUL in the pattern', { textPattern: 'piz\u0000za', setCategoryId: 'books' }],
    [
      'a glob matching everything',
      { textPattern: '**', textMatch: 'GLOB', setCategoryId: 'books' },
    ],
    [
      'too many wildcards',
      { textPattern: 'a*b*c*d*e*f*g*h*i*j', textMatch: 'GLOB', setCategoryId: 'books' },
    ],
    ['min above max', { minAmount: '10.00', maxAmount: '9.99', setCategoryId: 'books' }],
    ['too many decimals', { minAmount: '1.001', setCategoryId: 'books' }],
    ['no condition', { setCategoryId: 'books' }],
    ['no action', { textPattern: 'books' }],
    ['an empty payee name', { textPattern: 'x', renameMerchant: ' ' }],
    ['a NUL in the payee name', { textPattern: 'x', renameMerchant: 'a\u0000b' }],
    ['an empty tag', { textPattern: 'x', addTags: [''] }],
    ['an unknown category', { textPattern: 'x', setCategoryId: 'no such thing' }],
    ['an account that is no id', { accountId: 'nope', setCategoryId: 'books' }],
    ['a negative position', { textPattern: 'x', setCategoryId: 'books', position: -1 }],
    ['an id that is no UUID', { id: 'rule-1', textPattern: 'x', setCategoryId: 'books' }],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_name, input) => {
    const { client, rules } = await person();
    expect(errorCodes(await client.raw(CREATE_RULE, { input }))).toEqual(['BAD_USER_INPUT']);
    // The same rule is refused by a preview too (id and position are not part of one).
    if (!('id' in input) && !('position' in input))
      expect(errorCodes(await client.raw(PREVIEW, { input }))).toEqual(['BAD_USER_INPUT']);
    expect(await rules()).toEqual([]);
  });

  it('keeps one person’s rules and transactions from another', async () => {
    const owner = await person();
    const other = await person();
    const rule = await owner.createRule({ textPattern: 'mine', setCategoryId: 'books' });
    await owner.importCsv(['2026-03-02,-5.00,Pizza Place,,']);
    const pizza = await owner.byPayee('Pizza Place');
    const as = other.client.raw;
    expect(errorCodes(await as(GET_RULE, { id: rule.id }))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await as(UPDATE_RULE, {
          input: { id: rule.id, baseVersion: 1, textPattern: 'x', setCategoryId: 'books' },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as(DELETE_RULE, { id: rule.id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as(MOVE_RULE, { id: rule.id, position: 0 }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as(APPLY_RULE, { id: rule.id, toPast: true }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as(SUGGEST, { id: pizza.id }))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await as(CREATE_RULE, { input: { id: rule.id, textPattern: 'x', setCategoryId: 'books' } }),
      ),
    ).toEqual(['CONFLICT']);
    // The other person's rules never touch the owner's writes, and the lists stay apart.
    await other.createRule({ textPattern: 'pizza', setCategoryId: 'books' });
    await owner.importCsv(['2026-03-04,-6.00,Pizza Place 2,,']);
    expect((await owner.byPayee('Pizza Place 2')).categoryId).toBe('dining_out');
    expect((await owner.rules()).map((r) => r.id)).toEqual([rule.id]);
    // A preview reads only the viewer's own ledger.
    const { previewRule } = await other.client.call<{ previewRule: { totalCount: number } }>(
      PREVIEW,
      { input: { textPattern: 'pizza', setCategoryId: 'books' } },
    );
    expect(previewRule.totalCount).toBe(0);
  });
});
