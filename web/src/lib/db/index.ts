export {
  PaceDatabase,
  PACE_DATABASE_NAME,
  CHANGES_CURSOR_KEY,
  clearPaceDatabase,
  openPaceDatabase,
  paceDatabase,
} from './pace-database';
export {
  applyLedgerChange,
  ledgerEntriesOf,
  ledgerOf,
  saveTransaction,
  saveTransactions,
} from './ledger';
export type * from './records';
