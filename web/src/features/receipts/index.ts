export { ReceiptsScreen } from './receipts-screen';
export { ReceiptsEntry } from './receipts-entry';
