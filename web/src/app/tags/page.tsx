import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { TagsScreen } from '@/features/tags';

export const metadata: Metadata = { title: 'Tags' };

export default function TagsPage() {
  return (
    <SyncedScreen>
      <TagsScreen />
    </SyncedScreen>
  );
}
