import type { ReceiptRow } from './receipt.table';

/** A receipt whose processing moved on (progress, stage) or ended; instants as sent. */
export type ReceiptUpdatedEvent = ReceiptRow;

declare module '../../infra/pubsub/pubsub' {
  interface TopicMap {
    /** Every change of a receipt's processing, progress included. */
    'receipt.updated': ReceiptUpdatedEvent;
    /** A receipt whose processing ended: PROCESSED or FAILED. */
    'receipt.processed': ReceiptUpdatedEvent;
  }
}
