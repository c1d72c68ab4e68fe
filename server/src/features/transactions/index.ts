export { transactions } from './transaction.table';
export type { TransactionRow } from './transaction.table';
export { TransactionRepository } from './transaction.repository';
export { TransactionService } from './transaction.service';
export { TransactionListService } from './transaction-list.service';
export { DashboardTransactionsResolver, TransactionResolver, type TransactionServices } from './transaction.resolver';
export { Transaction, toTransaction } from './transaction.type';
