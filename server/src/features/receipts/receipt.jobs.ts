import { z } from 'zod';
import type { JobSpec } from '../../infra/queue/job';

/**
 * OCR + parsing of one uploaded receipt. Safe to run twice: a receipt no longer UPLOADED or
 * PROCESSING is left as it is. It never books a transaction (confirmReceipt does).
 */
export const processReceiptJob: JobSpec<{ receiptId: string }> = {
  name: 'receipts.process',
  version: 1,
  queue: 'ocr',
  payload: z.object({ receiptId: z.string().uuid() }),
  attempts: 3,
};
