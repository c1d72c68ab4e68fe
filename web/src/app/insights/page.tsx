import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { InsightsScreen } from '@/features/insights';

export const metadata: Metadata = { title: 'Insights' };

export default function InsightsPage() {
  return (
    <SyncedScreen>
      <InsightsScreen />
    </SyncedScreen>
  );
}
