import type { Metadata } from 'next';
import { LocalFirstFrame } from '@/features/sync';
import { TransactionsScreen } from '@/features/transactions';

export const metadata: Metadata = { title: 'Transactions' };

export default function TransactionsPage() {
  return (
    <LocalFirstFrame>
      <TransactionsScreen />
    </LocalFirstFrame>
  );
}
