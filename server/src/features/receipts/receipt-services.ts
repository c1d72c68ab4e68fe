import type { ReceiptProcessingService } from './receipt-processing.service';
import type { ReceiptService } from './receipt.service';

/** The receipts feature's use cases: the person's receipts, and the processing job's. */
export interface ReceiptServices {
  receipts: ReceiptService;
  processing: ReceiptProcessingService;
}
