import { paceDatabase, type PaceDatabase } from '@/lib/db';
import { addTransaction, pendingFor } from '@/lib/sync';
import type { ConfirmedReceipt } from './receipt-review';
import { ReceiptUploadError, uploadReceipt, type UploadedReceipt } from './receipt-upload';

/**
 * Books a receipt read on this device: the expense goes through the outbox like any other local
 * write (it shows in Today at once), and the photo waits in IndexedDB for its upload.
 */
export async function bookReceiptOnDevice(
  receipt: ConfirmedReceipt,
  image: Blob,
  fileName: string,
): Promise<string> {
  const db = paceDatabase();
  const transactionId = await addTransaction(db, {
    amountMinor: receipt.amountMinor,
    currency: receipt.currency,
    categoryId: receipt.categoryId,
    bookedOn: receipt.bookedOn,
    note: receipt.description,
    merchant: receipt.merchant,
    accountId: receipt.accountId,
  });
  await db.receiptUploads.add({
    id: crypto.randomUUID(),
    image,
    fileName,
    createdAt: new Date().toISOString(),
    transactionId,
    merchant: receipt.merchant,
    receiptId: null,
    attempts: 0,
    lastError: null,
  });
  return transactionId;
}

/** Sends one queued photo; the real one is `uploadReceipt`. */
export type ReceiptSender = (
  image: Blob,
  options: { fileName: string; transactionId: string },
) => Promise<UploadedReceipt>;

/**
 * Uploads the photos read offline, oldest first, each naming the transaction it was booked as,
 * so the server links the receipt to that transaction (CONFIRMED, never booked a second time).
 * A photo whose transaction still waits in the outbox waits too: the server must know the
 * transaction first. A refusal because the server does not know it yet (RECEIPT_TRANSACTION_NOT_FOUND)
 * keeps the photo for the next time; a lost connection stops the run. Returns how many went.
 */
export async function flushReceiptQueue(db: PaceDatabase, send: ReceiptSender): Promise<number> {
  const waiting = (await db.receiptUploads.orderBy('createdAt').toArray()).filter(
    (upload) => upload.receiptId === null,
  );
  let sent = 0;
  for (const upload of waiting) {
    if ((await pendingFor(db, upload.transactionId)).length > 0) continue;
    try {
      const { id } = await send(upload.image, {
        fileName: upload.fileName,
        transactionId: upload.transactionId,
      });
      // The photo is on the server now: drop the local copy, keep which receipt it became so
      // the list does not offer to book it a second time.
      await db.receiptUploads.update(upload.id, { receiptId: id, image: new Blob() });
      sent += 1;
    } catch (error) {
      const failure = error instanceof ReceiptUploadError ? error : null;
      const code = failure?.code ?? 'UNKNOWN';
      if (code === 'NETWORK') break;
      await db.receiptUploads.update(upload.id, {
        attempts: upload.attempts + 1,
        lastError: failure?.reason ?? code,
      });
    }
  }
  return sent;
}

let flushing: Promise<number> | null = null;

/** Uploads the photos read offline once there is a connection (one run at a time). */
export function flushReceiptUploads(): Promise<number> {
  flushing ??= flushReceiptQueue(paceDatabase(), (image, options) =>
    uploadReceipt(image, options),
  ).finally(() => {
    flushing = null;
  });
  return flushing;
}
