import type { ReactNode } from 'react';
import { HarnessProviders } from './providers';

export default function HarnessLayout({ children }: { children: ReactNode }) {
  return <HarnessProviders>{children}</HarnessProviders>;
}
