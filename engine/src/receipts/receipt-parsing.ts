/** The receipt parser's public surface (re-exported by the engine's index). */
export { parseReceipt } from './parse-receipt';
export { naiveReceiptBaseline } from './receipt-baseline';
export { findAmounts as findReceiptAmounts, type ReceiptAmount } from './receipt-amounts';
export { findDates as findReceiptDates, type ReceiptDate } from './receipt-dates';
