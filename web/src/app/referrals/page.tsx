import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { ReferralsScreen } from '@/features/referrals';

export const metadata: Metadata = { title: 'Invite friends' };

export default function ReferralsPage() {
  return (
    <SyncedScreen>
      <ReferralsScreen />
    </SyncedScreen>
  );
}
