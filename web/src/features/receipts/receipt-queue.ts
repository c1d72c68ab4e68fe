import { paceDatabase } from '@/lib/db';
import { addTransaction } from '@/lib/sync';
import type { ConfirmedReceipt } from './receipt-review';
import { ReceiptUploadError, uploadReceipt } from './receipt-upload';

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

let flushing: Promise<number> | null = null;

/**
 * Uploads the photos read offline (oldest first) once there is a connection; returns how many
 * went. The expense itself was already booked through the outbox, and `confirmReceipt` cannot link
 * a receipt to an existing transaction, so the uploaded receipt is not confirmed (that would book
 * it twice): it stays on the server as the photo of record, marked here as booked on the device.
 */
export function flushReceiptUploads(): Promise<number> {
  flushing ??= (async () => {
    const db = paceDatabase();
    const waiting = (await db.receiptUploads.orderBy('createdAt').toArray()).filter(
      (upload) => upload.receiptId === null,
    );
    let sent = 0;
    for (const upload of waiting) {
      try {
        const { id } = await uploadReceipt(upload.image, { fileName: upload.fileName });
        // The photo is on the server now: drop the local copy, keep which receipt it became so
        // the list does not offer to book it a second time.
        await db.receiptUploads.update(upload.id, { receiptId: id, image: new Blob() });
        sent += 1;
      } catch (error) {
        const code = error instanceof ReceiptUploadError ? error.code : 'UNKNOWN';
        if (code === 'NETWORK') break;
        await db.receiptUploads.update(upload.id, {
          attempts: upload.attempts + 1,
          lastError: code,
        });
      }
    }
    return sent;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
