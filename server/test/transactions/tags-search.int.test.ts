import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactions } from '../../src/features/transactions';
import { sealTransaction } from '../../src/features/transactions/transaction.repository';
import { errorCodes, signUp, startTestApi, TEST_MODE, type TestApi } from '../kit';
import { budgetClient, ONBOARD, US_ONBOARDING } from '../budget/budget-client';

const FIELDS = 'id version description merchant tags amount { amount }';
const CREATE = `mutation($input: CreateTransactionInput!) { createTransaction(input: $input) { transaction { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateTransactionInput!) { updateTransaction(input: $input) { conflict transaction { ${FIELDS} } } }`;
const QUICK = `mutation($input: QuickExpenseInput!) { quickExpense(input: $input) { transaction { ${FIELDS} } } }`;
const SEARCH = `query($filter: TransactionFilter) { transactionsConnection(filter: $filter, first: 50) { nodes { id merchant description tags } } }`;
const SEARCH_LEGACY = `query($filter: TransactionFilter) { transactions(filter: $filter, first: 50) { edges { node { id } } } }`;
const TAGS = `query($prefix: String, $first: Int) { tags(prefix: $prefix, first: $first) { nodes { tag transactionCount } pageInfo { hasNextPage } } }`;
const RENAME = `mutation($from: String!, $to: String!) { renameTag(from: $from, to: $to) { from tag transactionCount changed { id version } } }`;
const DELETE = `mutation($tag: String!) { deleteTag(tag: $tag) { tag transactionCount changed { id version } } }`;
const CHANGES = `query($since: String) { changes(since: $since) { cursor changes { kind id deleted transaction { id version tags } } } }`;

interface Tx {
  id: string;
  version: number;
  description: string;
  merchant: string | null;
  tags: string[];
}
type Client = ReturnType<typeof budgetClient>;

async function onboarded(api: TestApi): Promise<Client> {
  const client = budgetClient(api, await signUp(api));
  await client.call(ONBOARD, { input: US_ONBOARDING });
  return client;
}

async function create(client: Client, input: Record<string, unknown>): Promise<Tx> {
  const data = await client.call<{ createTransaction: { transaction: Tx } }>(CREATE, {
    input: { categoryId: 'groceries', ...input },
  });
  return data.createTransaction.transaction;
}

describe(`transaction tags and search (${TEST_MODE})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    // Description and merchant encrypted at rest, as in production.
    api = await startTestApi({
      config: { ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` },
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  describe('normalisation on every write', () => {
    let client: Client;
    beforeAll(async () => {
      client = await onboarded(api);
    });

    it('stores tags trimmed, lower-cased, collapsed, without #, duplicates merged', async () => {
      const tx = await create(client, {
        amount: '4.50',
        tags: ['#Trip', '  trip ', 'Summer   Holiday', 'TITLE', '#summer holiday'],
      });
      expect(tx.tags).toEqual(['trip', 'summer holiday', 'title']);
    });

    it('replaces them on update, keeps them when absent, clears them with []', async () => {
      const tx = await create(client, { amount: '2.00', tags: ['work'] });
      const kept = await client.call<{ updateTransaction: { transaction: Tx } }>(UPDATE, {
        input: { id: tx.id, baseVersion: tx.version, amount: '3.00' },
      });
      expect(kept.updateTransaction.transaction.tags).toEqual(['work']);
      const replaced = await client.call<{ updateTransaction: { transaction: Tx } }>(UPDATE, {
        input: { id: tx.id, baseVersion: tx.version + 1, tags: ['#Client A', 'Work'] },
      });
      expect(replaced.updateTransaction.transaction.tags).toEqual(['client a', 'work']);
      const cleared = await client.call<{ updateTransaction: { transaction: Tx } }>(UPDATE, {
        input: { id: tx.id, baseVersion: tx.version + 2, tags: [] },
      });
      expect(cleared.updateTransaction.transaction.tags).toEqual([]);
    });

    it('takes tags on a quick expense', async () => {
      const data = await client.call<{ quickExpense: { transaction: Tx } }>(QUICK, {
        input: { amount: '1.20', note: 'coffee', tags: ['#Morning'] },
      });
      expect(data.quickExpense.transaction.tags).toEqual(['morning']);
    });

    const tooMany = Array.from({ length: 21 }, (_, i) => `tag ${i}`);
    it.each([
      ['an empty tag', [''], /tags\[0\] is empty/],
      ['a tag of spaces and #', ['ok', ' # '], /tags\[1\] is empty/],
      ['a tag over 40 characters', ['x'.repeat(41)], /longer than 40/],
      ['a control character', ['a\u0007b'], /control character/],
      ['21 tags', tooMany, /at most 20/],
    ])(
      'refuses %s with TRANSACTION_INPUT_INVALID and writes nothing',
      async (_name, tags, message) => {
        for (const [query, input] of [
          [CREATE, { categoryId: 'groceries', amount: '1.00', tags }],
          [QUICK, { amount: '1.00', tags }],
        ] as const) {
          const response = await client.raw(query, { input });
          expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
          expect(response.errors?.[0]?.message).toMatch(message);
          expect(response.errors?.[0]?.extensions?.reason).toBe('TRANSACTION_INPUT_INVALID');
        }
      },
    );

    it('allows exactly 20 tags and 40 characters', async () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `t${i}`);
      expect((await create(client, { amount: '1.00', tags: twenty })).tags).toHaveLength(20);
      const long = 'é'.repeat(40);
      expect((await create(client, { amount: '1.00', tags: [long] })).tags).toEqual([long]);
    });

    it('refuses bad tags on update without changing the transaction', async () => {
      const tx = await create(client, { amount: '1.00', tags: ['keep'] });
      const response = await client.raw(UPDATE, {
        input: { id: tx.id, baseVersion: tx.version, tags: ['x'.repeat(41)] },
      });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      const [row] = await api.container.database.db
        .select()
        .from(transactions)
        .where(eq(transactions.id, tx.id));
      expect(row?.tags).toEqual(['keep']);
      expect(row?.version).toBe(tx.version);
    });

    // Hostile input on the transaction inputs this feature touches: a typed error, never a 500.
    it.each([
      ['create: empty amount', CREATE, { categoryId: 'groceries', amount: '' }],
      ['create: NaN amount', CREATE, { categoryId: 'groceries', amount: 'NaN' }],
      ['create: negative amount', CREATE, { categoryId: 'groceries', amount: '-1.00' }],
      ['create: empty category', CREATE, { categoryId: '', amount: '1.00' }],
      [
        'create: 10 kB description',
        CREATE,
        { categoryId: 'groceries', amount: '1', description: 'x'.repeat(10_240) },
      ],
      [
        'create: NUL in merchant',
        CREATE,
        { categoryId: 'groceries', amount: '1', merchant: 'a\u0000b' },
      ],
      [
        'create: NUL in a tag',
        CREATE,
        { categoryId: 'groceries', amount: '1', tags: ['a\u0000b'] },
      ],
      [
        'create: 10 kB tag',
        CREATE,
        { categoryId: 'groceries', amount: '1', tags: ['x'.repeat(10_240)] },
      ],
      [
        'create: year 9999',
        CREATE,
        { categoryId: 'groceries', amount: '1', bookedOn: '9999-12-31' },
      ],
      [
        'create: instant in 9999',
        CREATE,
        { categoryId: 'groceries', amount: '1', occurredAt: '9999-12-31T23:00:00Z' },
      ],
      ['quick: NaN amount', QUICK, { amount: 'NaN' }],
      ['quick: NUL in the note', QUICK, { amount: '1', note: 'a\u0000' }],
      ['quick: empty tag', QUICK, { amount: '1', tags: [''] }],
      [
        'update: year 9999',
        UPDATE,
        { id: '00000000-0000-4000-8000-000000000000', baseVersion: 1, bookedOn: '9999-01-01' },
      ],
      [
        'update: NUL in a tag',
        UPDATE,
        { id: '00000000-0000-4000-8000-000000000000', baseVersion: 1, tags: ['\u0000'] },
      ],
    ])('%s → BAD_USER_INPUT', async (_name, query, input) => {
      expect(errorCodes(await client.raw(query, { input }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('filters, alone and combined, over encrypted text', () => {
    let client: Client;
    let ids: Record<'latte' | 'hotel' | 'espresso' | 'market', string>;
    beforeAll(async () => {
      client = await onboarded(api);
      const latte = await create(client, {
        amount: '4.50',
        merchant: 'Corner Café',
        description: 'Flat white',
        tags: ['coffee', 'work'],
      });
      const hotel = await create(client, {
        amount: '120.00',
        merchant: 'Grand Hotel',
        description: 'Trip to Rome',
        tags: ['trip'],
      });
      const espresso = await create(client, {
        amount: '3.00',
        merchant: 'Rome Airport Café',
        description: 'Espresso',
        tags: ['trip', 'coffee'],
      });
      const market = await create(client, { amount: '55.00', description: 'Weekly market' });
      ids = { latte: latte.id, hotel: hotel.id, espresso: espresso.id, market: market.id };
    });

    async function search(filter: Record<string, unknown>): Promise<string[]> {
      const data = await client.call<{ transactionsConnection: { nodes: Tx[] } }>(SEARCH, {
        filter,
      });
      const legacy = await client.call<{ transactions: { edges: { node: { id: string } }[] } }>(
        SEARCH_LEGACY,
        { filter },
      );
      const found = data.transactionsConnection.nodes.map((n) => n.id);
      expect(legacy.transactions.edges.map((e) => e.node.id)).toEqual(found);
      const names = Object.entries(ids);
      return found.map((id) => names.find(([, v]) => v === id)?.[0] ?? id).sort();
    }

    it('stores description and merchant encrypted, tags in the clear', async () => {
      const rows = await api.container.database.db
        .select()
        .from(transactions)
        .where(inArray(transactions.id, Object.values(ids)));
      for (const row of rows) {
        expect(row.description).not.toMatch(/white|Rome|Espresso|market/i);
        expect(row.merchant ?? '').not.toMatch(/Café|Hotel/);
      }
      expect(rows.find((row) => row.id === ids.espresso)?.tags).toEqual(['trip', 'coffee']);
    });

    it.each([
      ['tags, any (the default)', { tags: ['coffee'] }, ['espresso', 'latte']],
      [
        'tags ANY of two',
        { tags: ['trip', 'coffee'], tagMatch: 'ANY' },
        ['espresso', 'hotel', 'latte'],
      ],
      ['tags ALL of two', { tags: ['trip', 'coffee'], tagMatch: 'ALL' }, ['espresso']],
      ['tags spelt as typed', { tags: ['#COFFEE ', 'Work'], tagMatch: 'ALL' }, ['latte']],
      ['an unknown tag', { tags: ['nothing'] }, []],
      ['payee (merchant contains, any case)', { payee: 'café' }, ['espresso', 'latte']],
      ['payee does not look in the note', { payee: 'espresso' }, []],
      ['note (description contains)', { note: 'ROME' }, ['hotel']],
      ['note does not look in the merchant', { note: 'hotel' }, []],
      ['text in either', { text: 'rome' }, ['espresso', 'hotel']],
      ['amount range', { minAmount: '4.00', maxAmount: '60.00' }, ['latte', 'market']],
      ['tags + amount', { tags: ['trip'], minAmount: '100.00' }, ['hotel']],
      ['payee + note', { payee: 'café', note: 'espresso' }, ['espresso']],
      ['payee + amount', { payee: 'café', maxAmount: '4.00' }, ['espresso']],
      ['tags + payee', { tags: ['coffee'], payee: 'corner' }, ['latte']],
      ['tags ALL + text', { tags: ['trip'], tagMatch: 'ALL', text: 'airport' }, ['espresso']],
      [
        'text + payee + note + tags + amount',
        { text: 'rome', payee: 'airport', note: 'espress', tags: ['coffee'], maxAmount: '3.00' },
        ['espresso'],
      ],
      [
        'empty tags and blank text filter nothing',
        { tags: [], payee: '  ', note: '' },
        ['espresso', 'hotel', 'latte', 'market'],
      ],
    ])('%s', async (_name, filter, expected) => {
      expect(await search(filter)).toEqual(expected);
    });

    it('refuses a bad tag in a filter with a typed error', async () => {
      const response = await client.raw(SEARCH, { filter: { tags: ['x'.repeat(41)] } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.message).toMatch(/filter\.tags\[0\]/);
      expect(response.errors?.[0]?.extensions?.reason).toBe('TRANSACTION_INPUT_INVALID');
    });
  });

  it('searches encrypted text across several 500-row batches, with tags, and pages on', async () => {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const at = new Date('2026-01-01T12:00:00Z');
    // 1,200 rows, newest first in the list; every 100th is paid to "Harbour Café", tagged
    // 'trip' on odd hundreds: the matches are spread over three batches.
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const match = i % 100 === 0;
      return sealTransaction(api.container.cipher, {
        id: crypto.randomUUID(),
        userId: user.userId,
        amountMinor: 100 + i,
        currency: 'USD',
        direction: 'expense' as const,
        categoryId: 'groceries',
        description: match ? `Harbour visit ${i}` : `Shop ${i}`,
        merchant: match ? 'Harbour Café' : 'Corner shop',
        occurredAt: new Date(at.getTime() - i * 60_000),
        bookedOn: '2026-01-01',
        source: 'manual' as const,
        tags: match && (i / 100) % 2 === 1 ? ['trip'] : [],
        createdAt: at,
        updatedAt: at,
      });
    });
    for (let i = 0; i < rows.length; i += 300)
      await api.container.database.db.insert(transactions).values(rows.slice(i, i + 300));
    const PAGE = `query($filter: TransactionFilter, $after: String) { transactionsConnection(filter: $filter, first: 5, after: $after) { nodes { description } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      transactionsConnection: {
        nodes: { description: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    async function all(filter: Record<string, unknown>): Promise<string[]> {
      const found: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page = await client.call<Page>(PAGE, { filter, after });
        found.push(...page.transactionsConnection.nodes.map((n) => n.description));
        if (!page.transactionsConnection.pageInfo.hasNextPage) return found;
        after = page.transactionsConnection.pageInfo.endCursor;
      }
    }
    const every = Array.from({ length: 12 }, (_, k) => `Harbour visit ${k * 100}`);
    expect(await all({ payee: 'harbour café' })).toEqual(every);
    expect(await all({ note: 'harbour' })).toEqual(every);
    expect(await all({ payee: 'harbour', tags: ['trip'] })).toEqual(
      every.filter((_, k) => k % 2 === 1),
    );
    expect(await all({ note: 'visit 1100', payee: 'café' })).toEqual(['Harbour visit 1100']);
  });

  describe('the tags of a person: counts, rename, delete, sync', () => {
    it('lists tags with live counts, most used first, narrowed by prefix, only the viewer’s', async () => {
      const client = await onboarded(api);
      const other = await onboarded(api);
      await create(other, { amount: '1.00', tags: ['secret', 'trip'] });
      await create(client, { amount: '1.00', tags: ['trip', 'work'] });
      await create(client, { amount: '2.00', tags: ['trip'] });
      await create(client, { amount: '3.00', tags: ['train'] });
      const gone = await create(client, { amount: '4.00', tags: ['work', 'deleted only'] });
      await client.call(`mutation($id: ID!) { deleteTransaction(id: $id) { conflict } }`, {
        id: gone.id,
      });
      const all = await client.call<{ tags: { nodes: unknown[] } }>(TAGS, {});
      expect(all.tags.nodes).toEqual([
        { tag: 'trip', transactionCount: 2 },
        { tag: 'train', transactionCount: 1 },
        { tag: 'work', transactionCount: 1 },
      ]);
      const narrowed = await client.call<{
        tags: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } };
      }>(TAGS, { prefix: '#TR', first: 1 });
      expect(narrowed.tags.nodes).toEqual([{ tag: 'trip', transactionCount: 2 }]);
      expect(narrowed.tags.pageInfo.hasNextPage).toBe(true);
    });

    it('renames a tag everywhere in one write: versions bump, merges, and sync carries it', async () => {
      const client = await onboarded(api);
      const other = await onboarded(api);
      const theirs = await create(other, { amount: '1.00', tags: ['coffee'] });
      const a = await create(client, { amount: '1.00', tags: ['coffee', 'work'] });
      const b = await create(client, { amount: '2.00', tags: ['caffeine', 'coffee'] });
      const untouched = await create(client, { amount: '3.00', tags: ['work'] });
      const before = await client.call<{ changes: { cursor: string } }>(CHANGES, {});

      const renamed = await client.call<{ renameTag: unknown }>(RENAME, {
        from: '#Coffee',
        to: ' Caffeine ',
      });
      // The answer names each row written with its new version (what `changes` brings too).
      expect(renamed.renameTag).toEqual({
        from: 'coffee',
        tag: 'caffeine',
        transactionCount: 2,
        changed: expect.arrayContaining([
          { id: a.id, version: a.version + 1 },
          { id: b.id, version: b.version + 1 },
        ]),
      });
      expect((renamed.renameTag as { changed: unknown[] }).changed).toHaveLength(2);

      const changes = await client.call<{
        changes: { changes: { kind: string; id: string; transaction: Tx }[] };
      }>(CHANGES, { since: before.changes.cursor });
      const changed = Object.fromEntries(
        changes.changes.changes.map((c) => [c.id, c.transaction] as const),
      );
      expect(Object.keys(changed).sort()).toEqual([a.id, b.id].sort());
      expect(changed[a.id]).toMatchObject({ version: a.version + 1, tags: ['caffeine', 'work'] });
      expect(changed[b.id]).toMatchObject({ version: b.version + 1, tags: ['caffeine'] });

      // Another person's tag of the same name, and the viewer's other rows, stay as they were.
      const [theirRow] = await api.container.database.db
        .select()
        .from(transactions)
        .where(eq(transactions.id, theirs.id));
      expect(theirRow).toMatchObject({ tags: ['coffee'], version: theirs.version });
      const [mine] = await api.container.database.db
        .select()
        .from(transactions)
        .where(eq(transactions.id, untouched.id));
      expect(mine?.version).toBe(untouched.version);

      // A replay (the outbox sending it again) changes nothing.
      const again = await client.call<{ renameTag: unknown }>(RENAME, {
        from: 'coffee',
        to: 'caffeine',
      });
      expect(again.renameTag).toEqual({
        from: 'coffee',
        tag: 'caffeine',
        transactionCount: 0,
        changed: [],
      });
      expect(errorCodes(await client.raw(RENAME, { from: 'coffee', to: '#' }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });

    it('deletes a tag from every transaction, keeping the transactions; sync carries it', async () => {
      const client = await onboarded(api);
      const other = await onboarded(api);
      const theirs = await create(other, { amount: '1.00', tags: ['trip'] });
      const a = await create(client, { amount: '1.00', tags: ['trip', 'rome'] });
      const b = await create(client, { amount: '2.00', tags: ['trip'] });
      const before = await client.call<{ changes: { cursor: string } }>(CHANGES, {});

      const deleted = await client.call<{ deleteTag: unknown }>(DELETE, { tag: 'TRIP' });
      expect(deleted.deleteTag).toEqual({
        tag: 'trip',
        transactionCount: 2,
        changed: expect.arrayContaining([
          { id: a.id, version: a.version + 1 },
          { id: b.id, version: b.version + 1 },
        ]),
      });

      const changes = await client.call<{
        changes: { changes: { id: string; deleted: boolean; transaction: Tx }[] };
      }>(CHANGES, { since: before.changes.cursor });
      expect(
        changes.changes.changes
          .map((c) => ({ id: c.id, deleted: c.deleted, tags: c.transaction.tags }))
          .sort((x, y) => x.id.localeCompare(y.id)),
      ).toEqual(
        [
          { id: a.id, deleted: false, tags: ['rome'] },
          { id: b.id, deleted: false, tags: [] },
        ].sort((x, y) => x.id.localeCompare(y.id)),
      );
      const search = await client.call<{ transactionsConnection: { nodes: Tx[] } }>(SEARCH, {
        filter: { tags: ['trip'] },
      });
      expect(search.transactionsConnection.nodes).toEqual([]);
      const theirSearch = await other.call<{ transactionsConnection: { nodes: Tx[] } }>(SEARCH, {
        filter: { tags: ['trip'] },
      });
      expect(theirSearch.transactionsConnection.nodes.map((n) => n.id)).toEqual([theirs.id]);
    });

    it('puts a new transaction’s tags in changes(since)', async () => {
      const client = await onboarded(api);
      const before = await client.call<{ changes: { cursor: string } }>(CHANGES, {});
      const tx = await create(client, { amount: '9.00', tags: ['#Gift', 'Birthday'] });
      const changes = await client.call<{
        changes: { changes: { kind: string; transaction: Tx | null }[] };
      }>(CHANGES, { since: before.changes.cursor });
      const entry = changes.changes.changes.find((c) => c.transaction?.id === tx.id);
      expect(entry?.transaction?.tags).toEqual(['gift', 'birthday']);
    });
  });
});
