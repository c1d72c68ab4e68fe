import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { TransactionsScreen } from '@/features/transactions';

export const metadata: Metadata = { title: 'Transactions' };

export default function TransactionsPage() {
  return (
    <SyncedScreen>
      <TransactionsScreen />
    </SyncedScreen>
  );
}
