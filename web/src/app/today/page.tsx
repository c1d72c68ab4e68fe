import type { Metadata } from 'next';
import { LocalFirstFrame } from '@/features/sync';
import { TodayScreen } from '@/features/today';

export const metadata: Metadata = { title: 'Today' };

export default function TodayPage() {
  return (
    <LocalFirstFrame>
      <TodayScreen />
    </LocalFirstFrame>
  );
}
