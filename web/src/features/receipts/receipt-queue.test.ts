import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaceDatabase, type ReceiptUploadRecord } from '@/lib/db';
import { addTransaction, pullChanges, type GraphqlTransport } from '@/lib/sync';
import { flushReceiptQueue, type ReceiptSender } from './receipt-queue';
import { ReceiptUploadError } from './receipt-upload';

/** Photos read and booked offline: uploaded later, each naming the transaction it became. */
describe('the queue of photos read offline', () => {
  let db: PaceDatabase;
  beforeEach(() => {
    db = new PaceDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  /** An expense booked on the device (in the outbox) with its photo queued, as the screen does. */
  async function bookedOffline(createdAt: string): Promise<ReceiptUploadRecord> {
    const transactionId = await addTransaction(db, {
      amountMinor: 775,
      currency: 'USD',
      categoryId: 'coffee',
      bookedOn: '2026-03-01',
      merchant: 'Corner Cafe',
    });
    const upload: ReceiptUploadRecord = {
      id: crypto.randomUUID(),
      image: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
      fileName: 'receipt.jpg',
      createdAt,
      transactionId,
      merchant: 'Corner Cafe',
      receiptId: null,
      attempts: 0,
      lastError: null,
    };
    await db.receiptUploads.add(upload);
    return upload;
  }

  /** A sender answering from a script, recording what it was given. */
  function sender(answers: Array<(transactionId: string) => Promise<string>>) {
    const sent: Array<{ transactionId: string; size: number }> = [];
    const send: ReceiptSender = async (image, options) => {
      sent.push({ transactionId: options.transactionId, size: image.size });
      const next = answers.shift();
      if (!next) throw new Error('unexpected upload');
      const id = await next(options.transactionId);
      return { id, status: 'CONFIRMED', transactionId: options.transactionId };
    };
    return { send, sent };
  }

  it('waits for the outbox, then uploads naming the booked transaction, keeping a photo the server does not know yet', async () => {
    const upload = await bookedOffline('2026-03-01T10:00:00.000Z');
    const { send, sent } = sender([
      async () => {
        throw new ReceiptUploadError('UNKNOWN', 'RECEIPT_TRANSACTION_NOT_FOUND');
      },
      async () => 'receipt-1',
    ]);

    // The expense is still in the outbox: the server could not link the photo yet.
    expect(await flushReceiptQueue(db, send)).toBe(0);
    expect(sent).toEqual([]);

    // The outbox was replayed; the server has not seen the transaction yet (another node lags).
    await db.outbox.clear();
    expect(await flushReceiptQueue(db, send)).toBe(0);
    expect(await db.receiptUploads.get(upload.id)).toMatchObject({
      receiptId: null,
      attempts: 1,
      lastError: 'RECEIPT_TRANSACTION_NOT_FOUND',
    });

    // Next time it is linked: the photo is dropped locally and never sent again.
    expect(await flushReceiptQueue(db, send)).toBe(1);
    expect(sent).toEqual([
      { transactionId: upload.transactionId, size: 3 },
      { transactionId: upload.transactionId, size: 3 },
    ]);
    const done = await db.receiptUploads.get(upload.id);
    expect(done?.receiptId).toBe('receipt-1');
    expect(done?.image.size).toBe(0);
    expect(await flushReceiptQueue(db, send)).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it('stops at a lost connection and leaves every photo waiting as it was', async () => {
    const first = await bookedOffline('2026-03-01T10:00:00.000Z');
    const second = await bookedOffline('2026-03-01T11:00:00.000Z');
    await db.outbox.clear();
    const { send, sent } = sender([
      async () => {
        throw new ReceiptUploadError('NETWORK');
      },
    ]);
    expect(await flushReceiptQueue(db, send)).toBe(0);
    expect(sent.map((s) => s.transactionId)).toEqual([first.transactionId]);
    for (const upload of [first, second])
      expect(await db.receiptUploads.get(upload.id)).toMatchObject({
        receiptId: null,
        attempts: 0,
      });
  });

  it('learns from changes(since) that a waiting photo was uploaded already (its answer was lost)', async () => {
    const upload = await bookedOffline('2026-03-01T10:00:00.000Z');
    await db.outbox.clear();
    const transport: GraphqlTransport = async <T>() =>
      ({
        changes: {
          cursor: 'c1',
          hasMore: false,
          changes: [
            {
              id: 'receipt-9',
              kind: 'RECEIPT',
              deleted: false,
              cursor: 'c1',
              settings: null,
              plan: null,
              category: null,
              transaction: null,
              adjustment: null,
              goal: null,
              receipt: {
                id: 'receipt-9',
                status: 'CONFIRMED',
                transactionId: upload.transactionId,
              },
            },
          ],
        },
      }) as T;
    await pullChanges(db, transport);
    const known = await db.receiptUploads.get(upload.id);
    expect(known?.receiptId).toBe('receipt-9');
    expect(known?.image.size).toBe(0);
    const { send, sent } = sender([]);
    expect(await flushReceiptQueue(db, send)).toBe(0);
    expect(sent).toEqual([]);
  });
});
