'use client';

import type { ReactNode } from 'react';
import { useAccessTokenSource } from './session-bridge';
import { useSyncRuntime } from './sync-runtime';

/**
 * Wraps a screen that reads the device's mirror: while a session exists, this tab syncs (outbox,
 * changes, live socket). Without one the screen still shows what the device holds.
 */
export function SyncedScreen({ children }: { children: ReactNode }) {
  useSyncRuntime(useAccessTokenSource());
  return children;
}
