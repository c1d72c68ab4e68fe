import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receipts } from '../../src/features/receipts';
import { transactions } from '../../src/features/transactions';
import {
  ALL_SCOPES,
  accessTokenWithScopes,
  bearer,
  signUp,
  startTestApi,
  TEST_MODE,
  type TestApi,
  type TestUser,
} from '../kit';
import { subscribe } from '../subscriptions';
import { budgetClient, CREATE, ONBOARD, US_ONBOARDING } from '../budget/budget-client';
import {
  fetchReceiptImage,
  REAL_RECEIPT,
  RECEIPT_FIELDS,
  uploadReceipt,
  type ReceiptView,
} from './receipt-client';

/**
 * The receipts API in the shape of the naming scheme (a Relay connection, Node, payloads), photos
 * read offline and booked on the device (linked on upload, never booked twice), receipt status
 * changes in `changes(since)`, and a real HEIC photo with its rotation.
 */

/** A HEIC (HEVC) receipt of 480×720 stored sideways (720×480 coded) with an irot of 90° clockwise, made by fixtures/make-heic.c. */
const ROTATED_HEIC = readFileSync(new URL('./fixtures/receipt-rotated.heic', import.meta.url));
/** OCR on a busy 2-core machine: the first image loads the models. */
const OCR_WAIT_MS = 90_000;

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  receipts(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const RECEIPT = `query($id: ID!) { receipt(id: $id) { id status transactionId currencyRead { value } } }`;
const CONFIRM = `mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) {
  alreadyConfirmed receipt { id status transactionId } transaction { id } } }`;
const DISCARD = `mutation($id: ID!) { discardReceipt(id: $id) { receipt { id status } } }`;
const CHANGES = `query($since: String) { changes(since: $since) {
  cursor changes { kind id deleted receipt { id status transactionId } } } }`;

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

interface ChangeSet {
  changes: {
    cursor: string;
    changes: Array<{
      kind: string;
      id: string;
      deleted: boolean;
      receipt: { id: string; status: string; transactionId: string | null } | null;
    }>;
  };
}

describe(`receipts API (${TEST_MODE})`, { timeout: 240_000 }, () => {
  let api: TestApi;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pace-receipts-api-'));
    api = await startTestApi({ config: { PACE_DATA_DIR: dataDir } });
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function person() {
    const user = await signUp(api);
    const client = budgetClient(api, user);
    await client.call(ONBOARD, { input: US_ONBOARDING });
    return { user, client };
  }

  /** A receipt of `user` stored directly (no upload, no job), created at `createdAt`. */
  async function storedReceipt(user: TestUser, createdAt: Date): Promise<string> {
    const id = randomUUID();
    await api.container.database.db.insert(receipts).values({
      id,
      userId: user.userId,
      status: 'FAILED',
      storageKey: null,
      contentType: 'image/jpeg',
      sizeBytes: 1,
      failureCode: 'NO_TEXT',
      failureMessage: 'No text.',
      createdAt,
      updatedAt: createdAt,
    });
    return id;
  }

  /** An expense booked as the device's outbox replays it: with the client's id. */
  async function bookedOnDevice(client: ReturnType<typeof budgetClient>): Promise<string> {
    const id = randomUUID();
    await client.call(CREATE, {
      input: { id, amount: '7.75', categoryId: 'coffee', merchant: 'Corner Cafe' },
    });
    return id;
  }

  const countOf = async (table: typeof receipts | typeof transactions, userId: string) => {
    const [row] = await api.container.database.db
      .select({ n: count() })
      .from(table)
      .where(eq(table.userId, userId));
    return row?.n ?? 0;
  };

  it('pages receipts forward and backward without gaps or repeats while receipts are added', async () => {
    const { user, client } = await person();
    const read = (variables: Record<string, unknown>) =>
      client.call<{ receipts: Page }>(PAGE, variables).then((d) => d.receipts);
    const whole = async () => (await read({ first: 100 })).edges.map((e) => e.node.id);
    // Upload instants scattered over a day, so each insert lands before, between or after the
    // pages already read; two share an instant (the id breaks the tie).
    const base = Date.parse('2026-03-01T12:00:00.000Z');
    let inserted = 0;
    const insert = async () => {
      const offsetMinutes = ((inserted * 37) % 23) * 60;
      inserted += 1;
      await storedReceipt(user, new Date(base + offsetMinutes * 60_000));
    };
    for (let i = 0; i < 7; i += 1) await insert();
    await storedReceipt(user, new Date(base));

    // Forward: pages of 2, one insert after each page.
    const before = await whole();
    const forward: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await read({ first: 2, after });
      forward.push(...page.edges.map((e) => e.node.id));
      expect(page.nodes.map((n) => n.id)).toEqual(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      await insert();
    }
    const afterForward = await whole();
    expect(new Set(forward).size, 'no repeats').toBe(forward.length);
    expect(
      before.every((id) => forward.includes(id)),
      'no gaps',
    ).toBe(true);
    expect(forward).toEqual(afterForward.filter((id) => forward.includes(id)));

    // Backward: pages of 3 from the end, one insert after each page.
    const start = await whole();
    const backward: string[][] = [];
    let beforeCursor: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await read({ last: 3, before: beforeCursor });
      backward.unshift(page.edges.map((e) => e.node.id));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.hasNextPage).toBe(beforeCursor !== null);
      if (!page.pageInfo.hasPreviousPage) break;
      beforeCursor = page.pageInfo.startCursor;
      await insert();
    }
    const seen = backward.flat();
    const end = await whole();
    expect(new Set(seen).size, 'no repeats').toBe(seen.length);
    expect(
      start.every((id) => seen.includes(id)),
      'no gaps',
    ).toBe(true);
    expect(seen).toEqual(end.filter((id) => seen.includes(id)));
    expect(end.length).toBeGreaterThan(start.length);

    // Contradictory arguments and forged cursors are typed errors, as on every connection.
    const reasons = async (variables: Record<string, unknown>) =>
      ((await client.raw(PAGE, variables)).errors ?? []).map((e) => e.extensions?.reason);
    expect(await reasons({ first: 1, last: 1 })).toEqual(['CONNECTION_ARGS_INVALID']);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    expect(await reasons({ after: forged })).toEqual(['CONNECTION_CURSOR_INVALID']);
  });

  it('links a photo read and booked on the device to that transaction, once, without booking again', async () => {
    const { user, client } = await person();
    const transactionId = await bookedOnDevice(client);
    expect(await countOf(transactions, user.userId)).toBe(1);

    const first = await uploadReceipt(api, user.accessToken, REAL_RECEIPT, { transactionId });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'CONFIRMED', transactionId });
    const id = first.body.id ?? '';
    const read = await client.call<{ receipt: { status: string; transactionId: string } }>(
      RECEIPT,
      { id },
    );
    expect(read.receipt).toMatchObject({ id, status: 'CONFIRMED', transactionId });
    expect((await fetchReceiptImage(api, user, id)).status).toBe(200);

    // The upload retried (the answer was lost offline): the same receipt, nothing new.
    const again = await uploadReceipt(api, user.accessToken, REAL_RECEIPT, { transactionId });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id, status: 'CONFIRMED', transactionId });
    expect(await countOf(receipts, user.userId)).toBe(1);
    expect(await countOf(transactions, user.userId)).toBe(1);

    // Confirming it anyway returns the booked transaction and books nothing.
    const confirmed = await client.call<{
      confirmReceipt: {
        alreadyConfirmed: boolean;
        receipt: { status: string };
        transaction: { id: string };
      };
    }>(CONFIRM, {
      input: {
        receiptId: id,
        merchant: 'Corner Cafe',
        bookedOn: '2026-03-01',
        amount: '7.75',
        currency: 'USD',
        categoryId: 'coffee',
      },
    });
    expect(confirmed.confirmReceipt).toMatchObject({
      alreadyConfirmed: true,
      receipt: { status: 'CONFIRMED' },
      transaction: { id: transactionId },
    });
    expect(await countOf(transactions, user.userId)).toBe(1);
    const [job] = await api.container.database.db
      .select({ attempts: receipts.attempts })
      .from(receipts)
      .where(eq(receipts.id, id));
    expect(job?.attempts, 'no OCR job runs for a linked photo').toBe(0);
  });

  it('refuses to link a photo to a transaction that is not the uploader’s, storing nothing', async () => {
    const owner = await person();
    const transactionId = await bookedOnDevice(owner.client);
    const intruder = await person();
    for (const named of [transactionId, randomUUID(), 'not-an-id']) {
      const refused = await uploadReceipt(api, intruder.user.accessToken, REAL_RECEIPT, {
        transactionId: named,
      });
      expect(refused.status).toBe(404);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'RECEIPT_TRANSACTION_NOT_FOUND',
      });
    }
    expect(await countOf(receipts, intruder.user.userId)).toBe(0);
    expect(await countOf(receipts, owner.user.userId)).toBe(0);
    const files = await import('node:fs/promises').then((fs) =>
      fs.readdir(path.join(dataDir, 'receipts', intruder.user.userId)).catch(() => []),
    );
    expect(files).toEqual([]);
  });

  it('lists receipt status changes in changes(since), discarding as a tombstone, only with process:receipts', async () => {
    const { user, client } = await person();
    const start = (await client.call<ChangeSet>(CHANGES, {})).changes.cursor;
    const transactionId = await bookedOnDevice(client);
    const uploaded = await uploadReceipt(api, user.accessToken, REAL_RECEIPT, { transactionId });
    const id = uploaded.body.id ?? '';

    const linked = await client.call<ChangeSet>(CHANGES, { since: start });
    const receiptChanges = linked.changes.changes.filter((c) => c.kind === 'RECEIPT');
    expect(receiptChanges).toEqual([
      {
        kind: 'RECEIPT',
        id,
        deleted: false,
        receipt: { id, status: 'CONFIRMED', transactionId },
      },
    ]);
    // In server order: the transaction first, then the receipt linked to it.
    expect(linked.changes.changes.map((c) => c.kind)).toEqual(['TRANSACTION', 'RECEIPT']);

    await client.call(DISCARD, { id });
    const discarded = await client.call<ChangeSet>(CHANGES, { since: linked.changes.cursor });
    expect(discarded.changes.changes).toEqual([
      { kind: 'RECEIPT', id, deleted: true, receipt: { id, status: 'DISCARDED', transactionId } },
    ]);
    // A pull that has seen it all is empty: nothing repeats.
    const after = await client.call<ChangeSet>(CHANGES, { since: discarded.changes.cursor });
    expect(after.changes.changes).toEqual([]);

    // A token without process:receipts syncs everything else, and no receipt.
    const without = await accessTokenWithScopes(
      api,
      user.userId,
      ALL_SCOPES.filter((s) => s !== 'process:receipts'),
    );
    const pulled = await api.graphql<ChangeSet>(CHANGES, {}, bearer(without));
    expect(pulled.errors).toBeUndefined();
    const kinds = pulled.data?.changes.changes.map((c) => c.kind) ?? [];
    expect(kinds).toContain('TRANSACTION');
    expect(kinds).not.toContain('RECEIPT');
  });

  it('reads a HEIC photo stored sideways: upright, at its size, and its processing reaches changes(since)', async () => {
    const { user, client } = await person();
    const events = await subscribe<{ receiptProcessed: ReceiptView }>(
      api.url,
      `subscription { receiptProcessed { ${RECEIPT_FIELDS} } }`,
      { connectionParams: bearer(user.accessToken) },
    );
    try {
      const start = (await client.call<ChangeSet>(CHANGES, {})).changes.cursor;
      const uploaded = await uploadReceipt(api, user.accessToken, ROTATED_HEIC, {
        type: 'image/heic',
        filename: 'IMG_0001.HEIC',
      });
      expect(uploaded.status).toBe(202);
      const id = uploaded.body.id ?? '';

      // Stored as a JPEG turned upright by the HEIF rotation: portrait 480×720, the black band
      // printed at the top of the receipt at the top (sideways it would be at the left edge).
      const image = await fetchReceiptImage(api, user, id);
      expect(image.status).toBe(200);
      const jpeg = Buffer.from(await image.arrayBuffer());
      const { data, info } = await sharp(jpeg)
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([480, 720]);
      const mean = (x0: number, y0: number, x1: number, y1: number) => {
        let sum = 0;
        for (let y = y0; y < y1; y += 1)
          for (let x = x0; x < x1; x += 1) sum += data[y * info.width + x] ?? 0;
        return sum / ((x1 - x0) * (y1 - y0));
      };
      expect(mean(0, 0, info.width, 50), 'top band dark').toBeLessThan(40);
      expect(mean(0, info.height - 60, info.width, info.height), 'bottom white').toBeGreaterThan(
        215,
      );
      expect(
        mean(info.width - 60, 80, info.width, info.height),
        'right margin white',
      ).toBeGreaterThan(215);

      const { receiptProcessed } = await events.next(OCR_WAIT_MS);
      expect(receiptProcessed).toMatchObject({ id, contentType: 'image/heic' });
      // Read upright, the text comes out: the total line among it.
      expect(receiptProcessed.status).toBe('PROCESSED');
      expect(receiptProcessed.lines.join('\n')).toMatch(/7[.,]75/);

      // The job's status changes reach the sync feed too (its progress steps do not).
      const changed = await client.call<ChangeSet>(CHANGES, { since: start });
      const statuses = changed.changes.changes
        .filter((c) => c.kind === 'RECEIPT')
        .map((c) => c.receipt?.status);
      expect(statuses).toEqual(['PROCESSED']);
      const [row] = await api.container.database.db
        .select({ contentType: receipts.contentType })
        .from(receipts)
        .where(and(eq(receipts.id, id), eq(receipts.userId, user.userId)));
      expect(row?.contentType).toBe('image/heic');
    } finally {
      await events.close();
    }
  });
});
