/**
 * B8b (docs/benchmarks.md): 10,000 transactions imported into the PWA's Dexie database and the
 * month (Today included) read back from IndexedDB and computed with the engine, in the system
 * Chromium through Playwright. Writes bench/results/local-data.{json,md} at the repository root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');
const results = path.join(root, 'bench/results');

const bundle = await build({
  entryPoints: [path.join(here, 'local-data.entry.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  minify: true,
  alias: { '@': path.join(here, '../src') },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const script = bundle.outputFiles[0]?.text ?? '';

const browser = await chromium.launch({
  executablePath: process.env.PACE_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
try {
  const page = await browser.newPage();
  // IndexedDB needs a real origin: the page is served from a made-up one through routing.
  await page.route('http://bench.pace.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body><script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`,
    }),
  );
  await page.goto('http://bench.pace.test/');
  const figures = await page.evaluate(() =>
    (window as unknown as { runBench: () => Promise<Record<string, unknown>> }).runBench(),
  );
  const version = browser.version();
  const data = {
    id: 'B8b',
    chromium: version,
    nproc: availableParallelism(),
    loadavg: loadavg()[0] ?? 0,
    targets: { importMs: 1000, monthReadMs: 20 },
    ...figures,
  };
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, 'local-data.json'), `${JSON.stringify(data, null, 2)}\n`);
  const f = figures as {
    importMs: number;
    bulkImportMs: number;
    monthReadMs: number;
    monthReadP90Ms: number;
  };
  const md = [
    `Chromium ${version}, ${data.nproc} cores, load ${data.loadavg.toFixed(2)}; median of 5 rounds.`,
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
    `| import 10,000 transactions into Dexie (pulled as changes, 500 a page, month ledgers kept) | ${f.importMs.toFixed(0)} ms | ≤ 1,000 ms |`,
    `| the same 10,000 rows and ledgers in one bulk write | ${f.bulkImportMs.toFixed(0)} ms | (floor) |`,
    `| month read from IndexedDB + Today and month computed (3,334 transactions in the month) | ${f.monthReadMs.toFixed(1)} ms (p90 ${f.monthReadP90Ms.toFixed(1)} ms) | ≤ 20 ms |`,
  ].join('\n');
  writeFileSync(path.join(results, 'local-data.md'), `${md}\n`);
  console.log(md);
} finally {
  await browser.close();
}
