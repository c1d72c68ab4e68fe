import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { AcceptInviteScreen } from '@/features/households';

export const metadata: Metadata = { title: 'Join a household' };

export default function AcceptHouseholdInvitePage() {
  return (
    <SyncedScreen>
      <AcceptInviteScreen />
    </SyncedScreen>
  );
}
