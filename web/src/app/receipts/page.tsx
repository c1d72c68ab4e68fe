import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { ReceiptsScreen } from '@/features/receipts';

export const metadata: Metadata = { title: 'Receipts' };

export default function ReceiptsPage() {
  return (
    <SyncedScreen>
      <ReceiptsScreen />
    </SyncedScreen>
  );
}
