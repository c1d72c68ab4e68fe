import type { Metadata } from 'next';
import { SyncedScreen } from '@/features/sync';
import { TodayScreen } from '@/features/today';

// The root layout's title template does not apply to its own segment's page.
export const metadata: Metadata = { title: { absolute: 'Today · Pace' } };

/** Today is the default route, of the browser tab and of the installed app. */
export default function TodayPage() {
  return (
    <SyncedScreen>
      <TodayScreen />
    </SyncedScreen>
  );
}
