import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { HabitsScreen } from '@/features/habits';

export const metadata: Metadata = { title: 'Habits and mood' };

export default function HabitsPage() {
  return (
    <SyncedScreen>
      <HabitsScreen />
    </SyncedScreen>
  );
}
