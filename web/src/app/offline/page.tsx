import type { Metadata } from 'next';
import { OfflinePage } from '@/lib/pwa/offline-page';

export const metadata: Metadata = { title: 'Offline' };

export default function Offline() {
  return <OfflinePage />;
}
