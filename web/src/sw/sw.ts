import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { setCatchHandler, setDefaultHandler } from 'workbox-routing';
import { cacheOcrFiles } from './ocr-cache';
import { handleOutboxSync } from './outbox-sync';
import { handlePush } from './push';

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

// The receipt reader's OCR files: cached on first use, then served offline.
cacheOcrFiles();

// Anything not precached goes to the network; a page that cannot be fetched offline gets the
// offline page instead of the browser's error.
setDefaultHandler(({ request }) => fetch(request));
setCatchHandler(async ({ request }) => {
  if (request.mode !== 'navigate') return Response.error();
  return (await matchPrecache('/offline/index.html')) ?? Response.error();
});

// Take control of the page that registered the worker, so its first visit is already offline-ready.
// A new version still waits for open tabs to close (no skipWaiting), so a running page never mixes
// old and new chunks.
clientsClaim();

// The outbox: replayed here when the browser fires Background Sync and no tab is open.
handleOutboxSync(self);

// Web Push: notifications the person opted into, shown even when no tab is open.
handlePush(self);
