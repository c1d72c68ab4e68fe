import { paceDatabase } from '../lib/db/pace-database';
import { pullChanges } from '../lib/sync/pull';
import { replayOutbox } from '../lib/sync/replay';
import { fetchTransport } from '../lib/sync/transport';

/** Tag of the Background Sync registration a page makes when it queues a change offline. */
export const OUTBOX_SYNC_TAG = 'pace-outbox';
/** Meta key of the access token a page leaves for a replay with no tab open. */
export const BACKGROUND_TOKEN_KEY = 'backgroundToken';
/** Access tokens live 15 minutes; one older than this is not tried. */
const TOKEN_MAX_AGE_MS = 14 * 60 * 1000;

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/**
 * Background Sync, an extra to the page's own replay (Chromium only): when connectivity returns
 * and the browser wakes the worker, an open tab is asked to sync; with no tab open, the worker
 * replays the outbox itself with the last access token a page left, then pulls the changes.
 */
export function handleOutboxSync(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (sync.tag !== OUTBOX_SYNC_TAG) return;
    sync.waitUntil(replayInBackground(worker));
  });
}

async function replayInBackground(worker: ServiceWorkerGlobalScope): Promise<void> {
  const windows = await worker.clients.matchAll({ type: 'window' });
  if (windows.length > 0) {
    for (const client of windows) client.postMessage({ type: 'pace-sync' });
    return;
  }
  const db = paceDatabase();
  const saved = (await db.meta.get(BACKGROUND_TOKEN_KEY))?.value as
    { token: string; savedAt: number } | undefined;
  if (!saved || Date.now() - saved.savedAt > TOKEN_MAX_AGE_MS) return;
  const transport = fetchTransport('/graphql', () => saved.token);
  const result = await replayOutbox(db, transport);
  // A replay cut short is retried by the browser later (a rejected promise asks for a retry).
  if (result.stoppedBy === 'network') throw new Error('outbox replay stopped: network');
  if (result.stoppedBy === null) await pullChanges(db, transport);
}
