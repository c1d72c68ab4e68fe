'use client';

import { useEffect, useSyncExternalStore } from 'react';
import type { UnreadNotificationCountQuery } from '@/lib/graphql/generated';
import { apiRequest, onLiveNotification } from '@/features/sync';
import { UNREAD_NOTIFICATION_COUNT } from './notifications.operations';

/** The unread count the bell shows: read from the API, raised by each live notification. */
let unread: number | null = null;
const listeners = new Set<() => void>();
function set(next: number | null) {
  unread = next;
  for (const listener of listeners) listener();
}

/** Reads the count again (after marking read, or when the socket reconnects). */
export async function refreshUnread(): Promise<void> {
  try {
    set(
      (await apiRequest<UnreadNotificationCountQuery>(UNREAD_NOTIFICATION_COUNT))
        .unreadNotificationCount,
    );
  } catch {
    // Offline or signed out: keep what is shown.
  }
}

export function setUnread(count: number): void {
  set(count);
}

/** The unread count (null until known), kept live while a signed-in screen is open. */
export function useUnreadCount(isSignedIn: boolean): number | null {
  useEffect(() => {
    if (!isSignedIn) return;
    // The sync runtime starts with the screen's effects: read once it is there.
    const timer = setTimeout(() => void refreshUnread(), 0);
    // A live notification (or a reconnection) reads the count again: it stays exact.
    const stop = onLiveNotification(() => void refreshUnread());
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [isSignedIn]);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => unread,
    () => null,
  );
}
