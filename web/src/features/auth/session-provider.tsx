'use client';

import { useEffect, type ReactNode } from 'react';
import { onTokenRejected, provideAccessToken } from '@/features/sync';
import { REFRESH_AHEAD_MS } from './session-store';
import { sessionStore, useSession } from './session-runtime';

/**
 * Connects the session to the rest of the app: sync and the live socket get its token getter,
 * the access token is refreshed in the background before it expires, a token the API refuses is
 * refreshed at once (or the session ends). A session the server ended keeps this device's data,
 * outbox included: the same person signing in again sends what was waiting; another person
 * signing in starts the device empty (startSession), and signing out empties it.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const status = useSession();
  const session = status.kind === 'signed-in' ? status.session : null;

  useEffect(() => {
    const store = sessionStore();
    provideAccessToken(session ? store.accessToken : null);
    onTokenRejected(session ? () => void store.refresh({ force: true }) : null);
  }, [session]);

  useEffect(() => {
    if (!session) return;
    const dueInMs = Date.parse(session.accessTokenExpiresAt) - Date.now() - REFRESH_AHEAD_MS;
    const timer = window.setTimeout(() => void sessionStore().refresh(), Math.max(1_000, dueInMs));
    return () => window.clearTimeout(timer);
  }, [session]);

  return children;
}
