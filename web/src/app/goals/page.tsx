import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { GoalsScreen } from '@/features/goals';

export const metadata: Metadata = { title: 'Goals' };

export default function GoalsPage() {
  return (
    <SyncedScreen>
      <GoalsScreen />
    </SyncedScreen>
  );
}
