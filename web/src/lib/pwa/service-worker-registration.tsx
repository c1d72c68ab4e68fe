'use client';

import { useEffect } from 'react';
import { isNativePlatform } from './is-native-platform';

/** Path of the worker the post-build step writes at the export root (scope `/`). */
export const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the offline service worker after mount. Production builds only: in development the
 * export, and so the precache manifest, does not exist.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production') return;
    if (!('serviceWorker' in navigator) || isNativePlatform()) return;
    navigator.serviceWorker
      .register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' })
      .catch((error: unknown) => {
        // The app works without it, only not offline; nothing to show the user.
        console.warn('Service worker registration failed', error);
      });
  }, []);

  return null;
}
