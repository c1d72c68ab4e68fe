// Post-build step: the static export inlines scripts in every page (Next's flight payload
// `self.__next_f.push(…)`, the language and theme script of <head>). A Content-Security-Policy
// without 'unsafe-inline' must name each of them by hash, so this scans every exported page and
// writes out/csp-manifest.json: per page, the sha256 sources of its inline scripts and styles.
// The API server reads it to send each page its own policy header (server/src/app/web-csp.ts).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(webDir, 'out');
export const CSP_MANIFEST = 'csp-manifest.json';

/** CSP's hash source of an inline element's text, exactly as the page holds it. */
const hashSource = (text) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Every inline `<script>` and `<style>` of one page; attribute styles cannot be hashed, so none may exist. */
export function inlineSources(html, page) {
  const scripts = new Set();
  const styles = new Set();
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes ?? '')) continue;
    scripts.add(hashSource(text ?? ''));
  }
  for (const [, text] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    styles.add(hashSource(text ?? ''));
  for (const text of flightStyles(html)) styles.add(hashSource(text));
  // `style="…"` in markup would need 'unsafe-hashes'; inline event handlers 'unsafe-inline'.
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const attribute = /<[a-z][^>]*\s(style|on[a-z]+)\s*=/i.exec(markup);
  if (attribute)
    throw new Error(`${page}: inline ${attribute[1]} attribute; move it to a stylesheet or script`);
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/**
 * `<style>` elements React renders later from the page's flight payload (Next's built-in
 * not-found and error screens carry their CSS this way), by the text React will put in them.
 */
function flightStyles(html) {
  let flight = '';
  for (const [, call] of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) {
    const row = JSON.parse(call ?? '[]');
    if (row[0] === 1 && typeof row[1] === 'string') flight += row[1];
  }
  const element =
    /\["\$","style",[^,]*,\{[^{}]*?"dangerouslySetInnerHTML":\{"__html":("(?:[^"\\]|\\.)*")\}/g;
  return [...flight.matchAll(element)].map(([, text]) => JSON.parse(text ?? '""'));
}

async function htmlFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/**
 * Where the built app talks to besides its own origin: the API origin a separate build names
 * (`NEXT_PUBLIC_PACE_API_ORIGIN`, the Capacitor app), over HTTP and WebSocket.
 */
function connectSources() {
  const origin = process.env.NEXT_PUBLIC_PACE_API_ORIGIN;
  if (!origin) return [];
  const api = new URL(origin);
  return [api.origin, `${api.protocol === 'https:' ? 'wss:' : 'ws:'}//${api.host}`];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pages = {};
  let hashes = 0;
  for (const page of await htmlFiles(outDir)) {
    pages[page] = inlineSources(await readFile(path.join(outDir, page), 'utf8'), page);
    hashes += pages[page].scripts.length + pages[page].styles.length;
  }
  if (!pages['index.html'])
    throw new Error('web/out/index.html is missing: run `next build` first');
  const manifest = { version: 1, connectSrc: connectSources(), pages };
  await writeFile(path.join(outDir, CSP_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(
    `csp: ${Object.keys(pages).length} pages, ${hashes} inline hashes → out/${CSP_MANIFEST}`,
  );
}
