import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { RulesScreen } from '@/features/rules';

export const metadata: Metadata = { title: 'Rules' };

export default function RulesPage() {
  return (
    <SyncedScreen>
      <RulesScreen />
    </SyncedScreen>
  );
}
