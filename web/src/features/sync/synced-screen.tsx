'use client';

import type { ReactNode } from 'react';
import { useAccessTokenSource } from './session-bridge';
import { useSyncRuntime } from './sync-runtime';

/**
 * Wraps a screen that reads the device's mirror: this tab syncs (outbox, changes, live socket)
 * with the session auth provides. Offline, or signed out, the screen shows what the device holds.
 */
export function SyncedScreen({ children }: { children: ReactNode }) {
  useSyncRuntime(useAccessTokenSource() ?? withoutToken);
  return children;
}

/**
 * Until auth provides a getter, requests go without a token: the API answers UNAUTHENTICATED
 * (shown by the sync bar) unless the host adds the session itself.
 */
const withoutToken = async (): Promise<string | null> => null;
