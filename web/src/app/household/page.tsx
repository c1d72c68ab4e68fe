import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { HouseholdScreen } from '@/features/households';

export const metadata: Metadata = { title: 'Household' };

export default function HouseholdPage() {
  return (
    <SyncedScreen>
      <HouseholdScreen />
    </SyncedScreen>
  );
}
