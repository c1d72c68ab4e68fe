'use client';

import { useOnlineStatus } from '@/lib/network/use-online-status';
import { StatusPill } from '@/ui/status-pill';

/** Tells the user whether the app is online; announced politely when it changes. */
export function ConnectionIndicator() {
  const status = useOnlineStatus();

  return (
    <span role="status">
      {status === 'offline' ? (
        <StatusPill tone="warn">Offline</StatusPill>
      ) : (
        <StatusPill tone="ok" isHidden={status === 'unknown'}>
          Online
        </StatusPill>
      )}
    </span>
  );
}
