import { registerRoute } from 'workbox-routing';

/** Cache of the on-device OCR files; the name carries the tesseract.js version they belong to. */
export const OCR_CACHE = 'pace-ocr-v7';

/**
 * The on-device receipt reader's files under /ocr/ (worker, wasm core, language data, ~14 MB):
 * cache first, so they download once (when the Receipts screen warms them or first reads) and then
 * work offline, without making every install of the app that much heavier.
 */
export function cacheOcrFiles(): void {
  registerRoute(
    ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/ocr/'),
    async ({ request }) => {
      const cache = await caches.open(OCR_CACHE);
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    },
  );
}
