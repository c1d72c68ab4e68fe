// These two first, each free of imports that lead back here: the error catalogue and `node` read
// them while this feature may still be loading (the routes reach the catalogue).
export { ReceiptError } from './receipt.errors';
export { receiptNode } from './receipt.node-source';
export { receipts } from './receipt.table';
export type { ReceiptRow, ReceiptStatus } from './receipt.table';
export { processReceiptJob } from './receipt.jobs';
export { ReceiptRepository } from './receipt.repository';
export { ReceiptService } from './receipt.service';
export { ReceiptProcessingService } from './receipt-processing.service';
export {
  DatabaseReceiptStorage,
  EncryptedReceiptStorage,
  LocalReceiptStorage,
  type ReceiptImageStorage,
} from './receipt-storage';
export { MAX_RECEIPT_BYTES } from './receipt-image';
export { ReceiptResolver } from './receipt.resolver';
export { receiptRoutes } from './receipt.http';
export type { ReceiptServices } from './receipt-services';
export { Receipt, toReceipt } from './receipt.type';
