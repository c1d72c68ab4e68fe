import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { InstallmentsScreen } from '@/features/installments';

export const metadata: Metadata = { title: 'Installment calculator' };

export default function InstallmentsPage() {
  return (
    <SyncedScreen>
      <InstallmentsScreen />
    </SyncedScreen>
  );
}
