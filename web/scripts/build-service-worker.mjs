// Post-build step: bundles src/sw/sw.ts and injects the precache manifest of the static export,
// writing out/sw.js. Runs after `next build`, so it sees exactly the files that will be served.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(webDir, 'out');

await stat(path.join(outDir, 'index.html')).catch(() => {
  throw new Error('web/out/index.html is missing: run `next build` first');
});

/**
 * Scripts the export loads with `nomodule`: legacy polyfills that every browser able to run a
 * service worker skips, so precaching them would only cost a download.
 */
async function findNoModuleScripts() {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const tags = html.match(/<script\b[^>]*\bnomodule\b[^>]*>/gi) ?? [];
  return tags.map((tag) => /\bsrc="\/([^"]+)"/.exec(tag)?.[1]).filter((src) => src !== undefined);
}

const tempDir = await mkdtemp(path.join(os.tmpdir(), 'pace-sw-'));
const bundled = path.join(tempDir, 'sw.js');

try {
  await build({
    entryPoints: [path.join(webDir, 'src/sw/sw.ts')],
    outfile: bundled,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { '@': path.join(webDir, 'src') },
    logLevel: 'warning',
  });

  const { count, size, warnings } = await injectManifest({
    swSrc: bundled,
    swDest: path.join(outDir, 'sw.js'),
    globDirectory: outDir,
    globPatterns: ['**/*'],
    // The worker never precaches itself; the server sends it with `Cache-Control: no-cache`.
    // The on-device OCR files (~14 MB) are cached by the worker on first use (src/sw/sw.ts), not
    // installed with the app.
    // csp-manifest.json is read by the server only (scripts/csp-manifest.mjs).
    globIgnores: [
      'sw.js',
      'sw.js.map',
      'csp-manifest.json',
      'ocr/**',
      ...(await findNoModuleScripts()),
    ],
    // Next puts a content hash in every file name under _next/static: no cache-busting query needed.
    dontCacheBustURLsMatching: /^_next\/static\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  });
  for (const warning of warnings) console.warn(`workbox: ${warning}`);
  console.log(`sw.js: precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`);
} finally {
  await rm(tempDir, { recursive: true, force: true });
}
