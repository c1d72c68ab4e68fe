export { TransactionsScreen } from './transactions-screen';
