import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { NotificationsScreen } from '@/features/notifications';

export const metadata: Metadata = { title: 'Notifications' };

export default function NotificationsPage() {
  return (
    <SyncedScreen>
      <NotificationsScreen />
    </SyncedScreen>
  );
}
