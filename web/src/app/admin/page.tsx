import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { AdminScreen } from '@/features/admin';

export const metadata: Metadata = { title: 'Admin' };

export default function AdminPage() {
  return (
    <SyncedScreen>
      <AdminScreen />
    </SyncedScreen>
  );
}
