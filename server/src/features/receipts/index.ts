export { receipts } from './receipt.table';
export type { ReceiptRow, ReceiptStatus } from './receipt.table';
export { processReceiptJob } from './receipt.jobs';
export { ReceiptRepository } from './receipt.repository';
export { ReceiptService } from './receipt.service';
export { ReceiptProcessingService } from './receipt-processing.service';
export {
  DatabaseReceiptStorage,
  LocalReceiptStorage,
  type ReceiptImageStorage,
} from './receipt-storage';
export { MAX_RECEIPT_BYTES } from './receipt-image';
export { ReceiptResolver } from './receipt.resolver';
export { ReceiptError } from './receipt.errors';
export { receiptRoutes } from './receipt.http';
export type { ReceiptServices } from './receipt-services';
