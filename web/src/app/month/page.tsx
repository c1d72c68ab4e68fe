import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { MonthScreen } from '@/features/month';

export const metadata: Metadata = { title: 'Month' };

export default function MonthPage() {
  return (
    <SyncedScreen>
      <MonthScreen />
    </SyncedScreen>
  );
}
