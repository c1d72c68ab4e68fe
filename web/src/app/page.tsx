import type { Metadata } from 'next';
import { TodayLanding } from '@/features/today';

// The root layout's title template does not apply to its own segment's page.
export const metadata: Metadata = { title: { absolute: 'Today · Pace' } };

export default function TodayPage() {
  return <TodayLanding />;
}
