import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receipts } from '../../src/features/receipts';
import { transactions } from '../../src/features/transactions';
import {
  bearer,
  errorCodes,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { subscribe, type TestSubscription } from '../subscriptions';
import {
  budgetClient,
  fixedClock,
  MONTH,
  ONBOARD,
  US_ONBOARDING,
  type MonthResult,
} from '../budget/budget-client';
import {
  fetchReceiptImage,
  REAL_RECEIPT,
  RECEIPT_FIELDS,
  uploadReceipt,
  type ReceiptView,
} from './receipt-client';

// 2026-03-01 10:00 in New York: the receipt is booked into March.
const clock = fixedClock('2026-03-01T15:00:00Z');
/** OCR of a real photo on a busy 2-core machine: the first one loads the models. */
const OCR_WAIT_MS = 90_000;

const RECEIPT = `query($id: ID!) { receipt(id: $id) { ${RECEIPT_FIELDS} } }`;
const LIST = `query($first: Int, $after: String) { receipts(first: $first, after: $after) {
  edges { cursor node { id status } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const CONFIRM = `mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) {
  alreadyConfirmed receipt { id status transactionId } transaction { id amount { amount currency } bookedOn merchant source categoryId } } }`;
const REPROCESS = `mutation($id: ID!) { reprocessReceipt(id: $id) { receipt { id status attempts } } }`;
const DISCARD = `mutation($id: ID!) { discardReceipt(id: $id) { receipt { id status } } }`;
const PROCESSED = `subscription { receiptProcessed { ${RECEIPT_FIELDS} } }`;

describe(`receipts from upload to a transaction (${TEST_MODE})`, { timeout: 240_000 }, () => {
  let api: TestApi;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pace-receipts-'));
    api = await startTestApi({ clock, config: { PACE_DATA_DIR: dataDir } });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function person() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    const events = await subscribe<{ receiptProcessed: ReceiptView }>(api.url, PROCESSED, {
      connectionParams: bearer(user.accessToken),
    });
    return { user, client, events };
  }

  async function uploaded(user: TestUser): Promise<string> {
    const answer = await uploadReceipt(api, user.accessToken, REAL_RECEIPT);
    expect(answer.status).toBe(202);
    expect(answer.body.status).toBe('UPLOADED');
    return answer.body.id ?? '';
  }

  async function processedEvent(
    events: TestSubscription<{ receiptProcessed: ReceiptView }>,
    id: string,
  ): Promise<ReceiptView> {
    const { receiptProcessed } = await events.next(OCR_WAIT_MS);
    expect(receiptProcessed.id).toBe(id);
    return receiptProcessed;
  }

  const imageFile = (user: TestUser, id: string) =>
    path.join(dataDir, 'receipts', user.userId, `${id}.jpg`);
  const exists = (file: string) =>
    access(file).then(
      () => true,
      () => false,
    );

  it('reads a real receipt, and confirming books one transaction once (acceptance 2)', async () => {
    const { user, client, events } = await person();
    const budget = await subscribe<{ budgetUpdated: { month: string } }>(
      api.url,
      'subscription { budgetUpdated { month } }',
      { connectionParams: bearer(user.accessToken) },
    );
    try {
      const id = await uploaded(user);
      const processed = await processedEvent(events, id);
      expect(processed).toMatchObject({ status: 'PROCESSED', progress: 1, attempts: 1 });
      expect(processed.contentType).toBe('image/jpeg');
      expect(processed.lines.length).toBeGreaterThan(5);
      expect(processed.ocrProvider).toBeTruthy();
      expect(processed.merchant).not.toBeNull();
      const image = await fetchReceiptImage(api, user, id);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');

      const input = {
        receiptId: id,
        merchant: 'Ali Baba International',
        bookedOn: '2026-03-05',
        amount: '9.00',
        currency: 'USD',
        categoryId: 'groceries',
      };
      type Confirmed = {
        confirmReceipt: {
          alreadyConfirmed: boolean;
          receipt: { status: string; transactionId: string };
          transaction: { id: string; amount: { amount: string }; source: string };
        };
      };
      const first = (await client.call<Confirmed>(CONFIRM, { input })).confirmReceipt;
      expect(first.alreadyConfirmed).toBe(false);
      expect(first.receipt).toMatchObject({
        status: 'CONFIRMED',
        transactionId: first.transaction.id,
      });
      expect(first.transaction).toMatchObject({ amount: { amount: '9.00' }, source: 'RECEIPT' });
      expect((await budget.next(10_000)).budgetUpdated.month).toBe('2026-03');
      const spent = async () =>
        (await client.call<MonthResult>(MONTH, { month: '2026-03' })).budgetMonth.categories.find(
          (c) => c.categoryId === 'groceries',
        )?.spent.amount;
      expect(await spent()).toBe('9.00');

      const again = (
        await client.call<Confirmed>(CONFIRM, { input: { ...input, amount: '12.00' } })
      ).confirmReceipt;
      expect(again.alreadyConfirmed).toBe(true);
      expect(again.transaction.id).toBe(first.transaction.id);
      expect(again.transaction.amount.amount).toBe('9.00');
      expect(await spent()).toBe('9.00');
      const [ledger] = await api.container.database.db
        .select({ n: count() })
        .from(transactions)
        .where(and(eq(transactions.userId, user.userId), eq(transactions.source, 'receipt')));
      expect(ledger?.n).toBe(1);
      await expect(budget.next(1_000)).rejects.toThrow(/no event/);

      const listed = await client.call<{
        receipts: { edges: Array<{ node: { id: string } }>; pageInfo: Record<string, unknown> };
      }>(LIST, { first: 10 });
      expect(listed.receipts.edges.map((e) => e.node.id)).toEqual([id]);
      expect(listed.receipts.pageInfo).toMatchObject({
        hasNextPage: false,
        hasPreviousPage: false,
      });
    } finally {
      await budget.close();
      await events.close();
    }
  });

  it('reprocesses a receipt, and a failed one says why', async () => {
    const { user, client, events } = await person();
    try {
      const id = await uploaded(user);
      expect((await processedEvent(events, id)).status).toBe('PROCESSED');
      const again = await client.call<{ reprocessReceipt: { receipt: { status: string } } }>(
        REPROCESS,
        { id },
      );
      expect(again.reprocessReceipt.receipt.status).toBe('UPLOADED');
      expect(await processedEvent(events, id)).toMatchObject({ status: 'PROCESSED', attempts: 2 });

      // The stored image lost (e.g. a storage fault): the job fails for good, with its reason.
      await rm(imageFile(user, id));
      await client.call(REPROCESS, { id });
      const failed = await processedEvent(events, id);
      expect(failed).toMatchObject({ status: 'FAILED', failureCode: 'IMAGE_MISSING', attempts: 3 });
      expect(failed.failureMessage).toMatch(/missing/);
      const read = await client.call<{ receipt: ReceiptView }>(RECEIPT, { id });
      expect(read.receipt).toMatchObject({ status: 'FAILED', failureCode: 'IMAGE_MISSING' });
    } finally {
      await events.close();
    }
  });

  it('finishes a receipt left mid-way by a stopped worker, booking nothing', async () => {
    const { user, events } = await person();
    try {
      const id = await uploaded(user);
      await processedEvent(events, id);
      // What a worker killed during OCR leaves behind: the row PROCESSING, no transaction.
      await api.container.database.db
        .update(receipts)
        .set({ status: 'PROCESSING', stage: 'recognize', progress: 0.4 })
        .where(eq(receipts.id, id));
      expect(await api.container.services.receipts.processing.resumeUnfinished()).toBeGreaterThan(
        0,
      );
      expect(await processedEvent(events, id)).toMatchObject({ status: 'PROCESSED', attempts: 2 });
      const [ledger] = await api.container.database.db
        .select({ n: count() })
        .from(transactions)
        .where(eq(transactions.userId, user.userId));
      expect(ledger?.n).toBe(0);
    } finally {
      await events.close();
    }
  });

  it('discards a receipt and deletes its image', async () => {
    const { user, client, events } = await person();
    try {
      const id = await uploaded(user);
      await processedEvent(events, id);
      expect(await exists(imageFile(user, id))).toBe(true);
      const discarded = await client.call<{ discardReceipt: { receipt: { status: string } } }>(
        DISCARD,
        { id },
      );
      expect(discarded.discardReceipt.receipt.status).toBe('DISCARDED');
      expect(await exists(imageFile(user, id))).toBe(false);
      expect((await fetchReceiptImage(api, user, id)).status).toBe(404);
      const listed = await client.call<{ receipts: { edges: unknown[] } }>(LIST, {});
      expect(listed.receipts.edges).toEqual([]);
      const confirm = await client.raw(CONFIRM, {
        input: {
          receiptId: id,
          merchant: 'X',
          bookedOn: '2026-03-05',
          amount: '1.00',
          currency: 'USD',
          categoryId: 'groceries',
        },
      });
      expect(errorCodes(confirm)).toEqual(['CONFLICT']);
    } finally {
      await events.close();
    }
  });

  it('deletes the images with the account', async () => {
    const { user, client, events } = await person();
    await events.close();
    const id = await uploaded(user);
    expect(await exists(imageFile(user, id))).toBe(true);
    await client.call('mutation($p: String) { deleteMyAccount(password: $p) }', {
      p: user.password,
    });
    expect(await exists(path.dirname(imageFile(user, id)))).toBe(false);
  });

  it('answers NOT_FOUND for another person’s receipt', async () => {
    const { user: owner, events } = await person();
    const intruder = await signUp(api);
    try {
      const id = await uploaded(owner);
      await processedEvent(events, id);
      const as = (query: string, variables: Record<string, unknown>) =>
        api.graphql(query, variables, bearer(intruder.accessToken));
      expect(errorCodes(await as(RECEIPT, { id }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await as(REPROCESS, { id }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await as(DISCARD, { id }))).toEqual(['NOT_FOUND']);
      const confirm = await as(CONFIRM, {
        input: {
          receiptId: id,
          merchant: 'X',
          bookedOn: '2026-03-05',
          amount: '1.00',
          currency: 'USD',
          categoryId: 'groceries',
        },
      });
      expect(errorCodes(confirm)).toEqual(['NOT_FOUND']);
      expect((await fetchReceiptImage(api, intruder, id)).status).toBe(404);
      const mine = await api.graphql<{ receipt: ReceiptView }>(
        RECEIPT,
        { id },
        bearer(owner.accessToken),
      );
      expect(mine.data?.receipt.status).toBe('PROCESSED');
    } finally {
      await events.close();
    }
  });
});
