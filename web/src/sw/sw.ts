import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { handleOutboxSync } from './outbox-sync';

declare const self: ServiceWorkerGlobalScope & {
  // Replaced at build time by workbox-build with every file of the static export.
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

// The export is the whole app: precache all of it so every page opens offline after one visit.
// `/today/` is served from `/today/index.html`; Next adds `?_rsc=…` to the payload requests of
// client-side navigations, which must still hit the precached `.txt` files.
precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/^_rsc$/],
});
cleanupOutdatedCaches();

// Take control of the page that registered the worker, so its first visit is already offline-ready.
// A new version still waits for open tabs to close (no skipWaiting), so a running page never mixes
// old and new chunks.
clientsClaim();

// The outbox: replayed here when the browser fires Background Sync and no tab is open.
handleOutboxSync(self);
