'use client';

import { useEffect, useState } from 'react';

/** `unknown` until mounted: the prerendered HTML cannot know the visitor's connection. */
export type OnlineStatus = 'unknown' | 'online' | 'offline';

/** The browser's online/offline state, read after mount and kept current from its events. */
export function useOnlineStatus(): OnlineStatus {
  const [status, setStatus] = useState<OnlineStatus>('unknown');

  useEffect(() => {
    const update = () => setStatus(navigator.onLine ? 'online' : 'offline');
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  return status;
}
