/**
 * B8 (docs/benchmarks.md): Lighthouse (mobile, 5 runs, median) on the built PWA and on a freshly
 * created empty Next.js app built the same way (static export), both served by the same small
 * static server, in the system Chromium; and the first-load JavaScript of Today, gzipped.
 * Writes bench/results/pwa.{json,md} at the repository root. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');
const results = path.join(root, 'bench/results');
const paceOut = path.join(root, 'web/out');
const RUNS = Number(process.env.PACE_BENCH_LIGHTHOUSE_RUNS ?? 5);
/** What a new visitor reads first (`/` sends them there once the app has loaded). */
const PAGE = process.env.PACE_BENCH_LIGHTHOUSE_PATH ?? '/sign-in/';

if (!existsSync(path.join(paceOut, 'index.html')))
  throw new Error('web/out is missing: run `npm run build` before the bench');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

/** Serves a static export as the API does: directory index, gzip, long cache for hashed files. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) file = path.join(dir, '404.html');
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!existsSync(file)) file = path.join(dir, '404.html');
    const body = readFileSync(file);
    const gzip = /gzip/.test(String(request.headers['accept-encoding']));
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': pathname.startsWith('/_next/static/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(gzip ? gzipSync(body) : body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

/** A fresh empty Next.js app (one page), exported the same way as the PWA. */
function buildBaseline(): string {
  const dir = path.join(root, 'bench/.baseline-next');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(
    path.join(dir, 'next.config.mjs'),
    `export default { output: 'export', trailingSlash: true, images: { unoptimized: true }, turbopack: { root: ${JSON.stringify(root)} } };\n`,
  );
  writeFileSync(
    path.join(dir, 'app/layout.tsx'),
    `export const metadata = { title: 'Baseline' };\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(
    path.join(dir, 'app/page.tsx'),
    `export default function Page() {\n  return (<main><h1>Hello</h1><p>An empty Next.js app.</p></main>);\n}\n`,
  );
  execFileSync(path.join(root, 'node_modules/.bin/next'), ['build', dir], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return path.join(dir, 'out');
}

interface Run {
  performance: number;
  accessibility: number;
  lcpMs: number;
  cls: number;
}

async function measure(url: string): Promise<Run[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.PACE_CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      runs.push({
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
      });
    }
    return runs;
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const summarise = (runs: Run[]): Run => ({
  performance: median(runs.map((r) => r.performance)),
  accessibility: median(runs.map((r) => r.accessibility)),
  lcpMs: median(runs.map((r) => r.lcpMs)),
  cls: median(runs.map((r) => r.cls)),
});

/** The JavaScript the export's index page loads before it is interactive, gzipped. */
function firstLoadJsGzipKb(outDir: string): number {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const sources = new Set(
    [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*>/g)]
      .filter((m) => !/\bnomodule\b/.test(m[0]))
      .map((m) => m[1] ?? ''),
  );
  let bytes = 0;
  for (const source of sources) bytes += gzipSync(readFileSync(path.join(outDir, source))).length;
  return Math.round(bytes / 102.4) / 10;
}

const baselineOut = buildBaseline();
const pace = await serve(paceOut);
const baseline = await serve(baselineOut);
try {
  const paceRuns = await measure(new URL(PAGE, pace.url).href);
  const baselineRuns = await measure(baseline.url);
  const p = summarise(paceRuns);
  const b = summarise(baselineRuns);
  const todayKb = firstLoadJsGzipKb(paceOut);
  const data = {
    id: 'B8',
    page: PAGE,
    runs: RUNS,
    nproc: availableParallelism(),
    loadavg: loadavg()[0] ?? 0,
    pace: { ...p, runs: paceRuns, firstLoadJsGzipKb: todayKb },
    baseline: { ...b, runs: baselineRuns, firstLoadJsGzipKb: firstLoadJsGzipKb(baselineOut) },
  };
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'pwa.json'), `${JSON.stringify(data, null, 2)}\n`);
  const met = (ok: boolean) => (ok ? 'yes' : 'no');
  const rows = [
    `| B8 | Lighthouse performance (mobile, median of ${RUNS}) | ${p.performance} | ${b.performance} | — | ≥ 95 | ${met(p.performance >= 95)} |`,
    `| B8 | Lighthouse accessibility | ${p.accessibility} | ${b.accessibility} | — | 100 | ${met(p.accessibility === 100)} |`,
    `| B8 | LCP (ms) | ${p.lcpMs} | ${b.lcpMs} | ${(p.lcpMs / Math.max(1, b.lcpMs)).toFixed(2)} | ≤ 1800 | ${met(p.lcpMs <= 1800)} |`,
    `| B8 | CLS | ${p.cls} | ${b.cls} | — | ≤ 0.02 | ${met(p.cls <= 0.02)} |`,
    `| B8 | first-load JS of Today, gzip (kB) | ${todayKb} | ${data.baseline.firstLoadJsGzipKb} | ${(todayKb / Math.max(0.1, data.baseline.firstLoadJsGzipKb)).toFixed(2)} | ≤ 130 | ${met(todayKb <= 130)} |`,
  ];
  writeFileSync(
    path.join(results, 'pwa.md'),
    [
      '| id | measure | Pace | baseline | ratio | goal | met? |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Lighthouse ${RUNS} runs each on \`${PAGE}\` and on an empty Next.js export; load ${data.loadavg.toFixed(2)} on ${data.nproc} cores.`,
    ].join('\n') + '\n',
  );
  console.log(rows.join('\n'));
} finally {
  pace.server.close();
  baseline.server.close();
}
