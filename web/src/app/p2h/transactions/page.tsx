import { TransactionsScreen } from '@/features/transactions';

export default function Page() {
  return <TransactionsScreen />;
}
