import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { PremiumScreen } from '@/features/premium';

export const metadata: Metadata = { title: 'Premium' };

export default function PremiumPage() {
  return (
    <SyncedScreen>
      <PremiumScreen />
    </SyncedScreen>
  );
}
