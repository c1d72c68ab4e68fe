export { transactions } from './transaction.table';
export type { TransactionRow } from './transaction.table';
export { TransactionRepository, transactionTextContext } from './transaction.repository';
export { TransactionService, canonicalCategory } from './transaction.service';
export type {
  Categorisation,
  CategorisationSubject,
  TransactionWritten,
} from './transaction.service';
export { TransactionListService } from './transaction-list.service';
export {
  DashboardTransactionsResolver,
  TransactionResolver,
  type TransactionServices,
} from './transaction.resolver';
export { Transaction, TransactionDirectionGql, toTransaction } from './transaction.type';
export {
  TransactionImportRepository,
  type DuplicateCandidate,
} from './transaction-import.repository';
export { cursorOf, type ListFilterRequest } from './transaction-list.service';
export { TransactionFilter } from './transaction.input';
export { TransactionError } from './transaction.errors';
export { transactionNode } from './transaction.node-source';
export { TransactionTagRepository } from './transaction-tag.repository';
export { TransactionTagService } from './transaction-tag.service';
export { TransactionTagResolver } from './transaction-tag.resolver';
