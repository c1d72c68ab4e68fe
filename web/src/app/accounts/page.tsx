import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { AccountsScreen } from '@/features/money-accounts';

export const metadata: Metadata = { title: 'Accounts' };

export default function AccountsPage() {
  return (
    <SyncedScreen>
      <AccountsScreen />
    </SyncedScreen>
  );
}
