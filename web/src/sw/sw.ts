import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { handleOutboxSync } from './outbox-sync';

declare const self: ServiceWorkerGlobalScope & {
  // Replaced at build time by workbox-build with every file of the static export.
  __WB_MANIFEST: Array<PrecacheEntry | string>;
};

// The export is the whole app: precache all of it so every page opens offline after one visit.
// `/month/` is served from `/month/index.html`. Every page is static and reads its query on the
// client (`?next=` of sign-in, Next's `?_rsc=` of client navigations), so no parameter may stop a
// request from hitting its precached file.
precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
});
cleanupOutdatedCaches();

// Take control of the page that registered the worker, so its first visit is already offline-ready.
// A new version still waits for open tabs to close (no skipWaiting), so a running page never mixes
// old and new chunks.
clientsClaim();

// The outbox: replayed here when the browser fires Background Sync and no tab is open.
handleOutboxSync(self);
