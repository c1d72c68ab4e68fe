import type { PaceDatabase } from '@/lib/db';

// Kept in step with src/sw/outbox-sync.ts (the worker's side).
const OUTBOX_SYNC_TAG = 'pace-outbox';
const BACKGROUND_TOKEN_KEY = 'backgroundToken';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Asks the browser for a Background Sync when connectivity returns (Chromium; elsewhere the
 * page's own replay on `online` and on start is all there is).
 */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration: (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined =
    await navigator.serviceWorker.getRegistration();
  await registration?.sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

/** Leaves the current access token for a worker replay with no tab open (it lives 15 min). */
export async function leaveTokenForBackground(db: PaceDatabase, token: string | null) {
  if (!token) return;
  await db.meta.put({ key: BACKGROUND_TOKEN_KEY, value: { token, savedAt: Date.now() } });
}

/** Syncs when the worker says connectivity is back and this tab is open. */
export function onWorkerSyncRequest(run: () => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const listener = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'pace-sync') run();
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
